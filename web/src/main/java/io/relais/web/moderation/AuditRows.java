package io.relais.web.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.events.Iri;
import io.relais.web.layout.HrNames;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * feed-service's audit log entries ({@code GET /api/moderation/audit}: {@code at} ISO-8601, {@code action} a wire code,
 * {@code object} an IRI) as the audit page shows them to its reader: the time in the reader's locale, the action in
 * their words ({@link ModerationMsg}, a code the page does not know stays as written), and what was acted on as a link
 * with a readable label where the web app has a page for it — a post or business card (its thread), a person (their
 * profile, by HR display name), a community (its page) — else the IRI as text (a comment: its thread is not in the
 * entry).
 */
final class AuditRows {

    private static final Pattern CARD = Pattern.compile(Iri.BUSINESS_CARD_PATTERN);
    private static final String POST = Iri.PREFIX + Iri.POST + ":";
    private static final String PERSON = Iri.PREFIX + Iri.PERSON + ":";
    private static final String COMMUNITY = Iri.PREFIX + Iri.COMMUNITY + ":";

    /**
     * One row of the table; every text is escaped by the template.
     *
     * @param at          the ISO instant, for {@code <time datetime>}
     * @param when        the same instant written for the reader (medium date, short time, the server's zone as on the
     *                    other pages)
     * @param action      the action in the reader's words
     * @param objectHref  the page of what was acted on, or null (then {@code objectLabel} is its IRI, or empty)
     * @param objectLabel what was acted on, readable
     */
    @io.quarkus.qute.TemplateData
    record Row(String id, String at, String when, String actor, String action, String objectHref, String objectLabel,
               String community, String reason, long reports) {
    }

    private AuditRows() {
    }

    /** The rows of one page of the log ({@code entries}), in its order. */
    static List<Row> of(JsonNode entries, ModerationMsg words, Locale locale, HrNames names) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode e : entries) {
            String at = e.path("at").asText("");
            String object = e.path("object").asText(null);
            String href = null;
            String label = object == null ? "" : object;
            if (object != null && object.startsWith(POST)) {
                href = "/posts/" + object.substring(POST.length());
                label = words.kindPost();
            } else if (object != null && CARD.matcher(object).matches()) {
                href = "/posts/" + URLEncoder.encode(object, StandardCharsets.UTF_8);
                label = words.kindCard();
            } else if (object != null && object.startsWith(PERSON)) {
                String login = object.substring(PERSON.length());
                href = "/people/" + login;
                label = displayName(names, login);
            } else if (object != null && object.startsWith(COMMUNITY)) {
                String slug = object.substring(COMMUNITY.length());
                href = "/communities/" + slug;
                label = slug;
            }
            String community = e.path("community").asText(null);
            rows.add(new Row(e.path("id").asText(""), at, when(at, locale), localId(e.path("actor").asText("")),
                    action(e.path("action").asText(""), words), href, label,
                    community == null ? null : localId(community), e.path("reason").asText(""), e.path("reports").asLong()));
        }
        return rows;
    }

    /** The action in the reader's words; feed-service's codes: ModerationDecisions, Retention, PersonErasure, rules. */
    static String action(String code, ModerationMsg words) {
        return switch (code) {
            case "hide" -> words.auditHide();
            case "restore" -> words.auditRestore();
            case "remove" -> words.auditRemove();
            case "hold" -> words.auditHold();
            case "rules-changed" -> words.auditRulesChanged();
            case "retention-set" -> words.auditRetentionSet();
            case "retention-delete" -> words.auditRetentionDelete();
            case "retention-run" -> words.auditRetentionRun();
            case "legal-hold" -> words.auditLegalHold();
            case "legal-hold-lifted" -> words.auditLegalHoldLifted();
            case "erasure" -> words.auditErasure();
            default -> code; // a newer action: its code rather than nothing
        };
    }

    private static String when(String iso, Locale locale) {
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                    .format(Instant.parse(iso).atZone(ZoneId.systemDefault()));
        } catch (RuntimeException notAnInstant) {
            return iso;
        }
    }

    private static String displayName(HrNames names, String login) {
        try {
            String name = names.of(login).displayName();
            return name == null || name.isBlank() ? login : name;
        } catch (RuntimeException profileServiceCannotSay) {
            return login; // an erased or unknown person, or profile-service down: the login still says who
        }
    }

    private static String localId(String iri) {
        return iri.startsWith("urn:") ? iri.substring(iri.lastIndexOf(':') + 1) : iri;
    }
}
