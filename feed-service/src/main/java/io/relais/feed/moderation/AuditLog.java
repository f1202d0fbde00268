package io.relais.feed.moderation;

import io.relais.events.EventId;
import io.relais.kit.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The append-only moderation audit log: every decision (hide, restore, remove), every hold by a keyword
 * rule and every change of the rules, with who, what, when, why and how many reports it resolved.
 * Read by {@code admin}s, page by page (newest first) or as CSV.
 */
@ApplicationScoped
public class AuditLog {

    /** The actor of what a keyword rule did by itself. */
    public static final String KEYWORD_RULES = "urn:relais:source:keyword-rules";

    static final int MAX_PAGE = 200;

    @Inject
    AuditStore store;

    /** Appends one entry; answers it. */
    public AuditEntry record(String actor, String action, String object, String community, String reason, long reports, Instant at) {
        Document d = new Document("_id", EventId.next()).append("at", Date.from(at)).append("actor", actor).append("action", action)
                .append("object", object).append("community", community).append("reason", reason).append("reports", reports);
        store.append(d);
        return AuditEntry.of(d);
    }

    /**
     * One page, newest first.
     *
     * @param before the {@code id} of the last entry of the previous page, or null for the newest
     * @param limit  1..200 (default 50); outside, 400 naming {@code limit}
     */
    public AuditPage page(String before, Integer limit) {
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_PAGE) throw ProblemException.invalid("limit", "must be between 1 and " + MAX_PAGE);
        if (before != null && !before.matches("[0-9a-f-]{36}")) throw ProblemException.invalid("before", "must be the id of an audit entry");
        List<AuditEntry> entries = store.page(before, n).stream().map(AuditEntry::of).toList();
        return new AuditPage(entries, entries.size() == n ? entries.get(n - 1).id() : null);
    }

    /** Every entry, oldest first, to the consumer (the CSV export). */
    public void forEach(java.util.function.Consumer<AuditEntry> each) {
        store.forEach(d -> each.accept(AuditEntry.of(d)));
    }

    /**
     * A page of the audit log.
     *
     * @param entries newest first
     * @param next    the {@code before} of the next page, null on the last one
     */
    public record AuditPage(List<AuditEntry> entries, String next) {
    }
}
