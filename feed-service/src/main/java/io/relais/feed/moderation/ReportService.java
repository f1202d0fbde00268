package io.relais.feed.moderation;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.RelaisExtension;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Reports: anyone who can see a post or comment reports it once. The report is stored under
 * {@code <reporter>|<object>} and counted into the object's case (what queues show), and a {@code Flag} goes
 * to the log through the outbox. The Flag is addressed to nobody ({@code to}/{@code cc} empty): no reader
 * projection (feeds, notifications, live push, search) shows it, and only feed-service may assert it
 * ({@code SourceAuthority.Fact.MODERATION}).
 */
@ApplicationScoped
public class ReportService {

    @Inject
    ModeratedItems items;

    @Inject
    ReportStore reports;

    @Inject
    CaseStore cases;

    @Inject
    Outbox outbox;

    /** The outcome of a report: the report, and whether this call made it (false: it existed already). */
    public record Outcome(ReportView report, boolean created) {
    }

    /** Reports the object; a second report by the same person changes nothing and answers the first. */
    public Outcome report(ModerationRequests.NewReport request, CurrentPerson me) {
        ModeratedItem item = items.visibleTo(request.object(), me);
        String key = ReportStore.key(me.iri(), item.iri());
        Instant now = Instant.now();
        Document d = new Document("_id", key).append("object", item.iri()).append("reporter", me.iri())
                .append("reason", request.reason().wire()).append("comment", request.comment()).append("created", Date.from(now))
                .append("open", true).append("community", item.community());
        if (!reports.insertIfNew(d)) {
            return new Outcome(ReportView.of(reports.find(key).orElseThrow()), false);
        }
        cases.addReport(item, request.reason().wire(), request.comment(), Date.from(now));
        // the object as a reference with its thread as context, so the Flag is keyed (and ordered) with its thread
        AsObject object = AsObject.builder().id(item.iri()).context(ModeratedItem.COMMENT.equals(item.kind()) ? item.postIri() : null).build();
        outbox.append(Activity.builder().type(As2.FLAG).actor(me.iri()).object(object).published(now)
                .relais(RelaisExtension.builder().moderation(RelaisExtension.Moderation.report(request.reason().wire(), request.comment()))
                        .build()).build());
        return new Outcome(ReportView.of(d), true);
    }

    /**
     * Erasure of a reporter: each of their reports is kept, as a count in its case and as a report made by
     * {@code formerReporter} without comment ({@link ReportStore#anonymise}), so a case does not lose weight because
     * its reporter left; their words leave the case's comments, which are read again from the open reports that are
     * left (a decision closes a round and clears its comments, so a resolved report's words are in no case). Repeatable.
     *
     * @return how many reports were anonymised
     */
    public int forgetReporter(String reporterIri, String formerReporter) {
        int anonymised = 0;
        for (Document r : reports.madeBy(reporterIri)) {
            reports.anonymise(r, formerReporter);
            if (r.getBoolean("open", false) && r.getString("comment") != null) {
                cases.replaceComments(r.getString("object"), newestComments(reports.openOf(r.getString("object"))));
            }
            anonymised++;
        }
        return anonymised;
    }

    /** The comments of these reports as a case keeps them: the newest {@link CaseStore#COMMENTS_KEPT}, oldest first. */
    private static List<String> newestComments(List<Document> openReports) {
        List<String> comments = openReports.stream().sorted(Comparator.comparing((Document d) -> d.getDate("created")))
                .map(d -> d.getString("comment")).filter(Objects::nonNull).toList();
        return comments.subList(Math.max(0, comments.size() - CaseStore.COMMENTS_KEPT), comments.size());
    }
}
