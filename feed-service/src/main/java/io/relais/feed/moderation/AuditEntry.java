package io.relais.feed.moderation;

import org.bson.Document;

import java.time.Instant;

/**
 * One line of the moderation audit log, as the API answers it.
 *
 * @param id        time-ordered id (UUIDv7); the {@code before} cursor of the next page
 * @param at        when (UTC)
 * @param actor     who: a person IRI, or {@code urn:relais:source:keyword-rules} for a hold by a keyword rule
 * @param action    {@code hide}, {@code restore}, {@code remove}, {@code hold} or {@code rules-changed}
 * @param object    the post or comment IRI (null for {@code rules-changed})
 * @param community the community IRI of the object (null when organisation-wide)
 * @param reason    why, in the actor's words (or the rule's term)
 * @param reports   how many open reports the action resolved
 */
public record AuditEntry(String id, Instant at, String actor, String action, String object, String community,
                         String reason, long reports) {

    static AuditEntry of(Document d) {
        Number reports = d.get("reports", Number.class);
        return new AuditEntry(d.getString("_id"), d.getDate("at").toInstant(), d.getString("actor"), d.getString("action"),
                d.getString("object"), d.getString("community"), d.getString("reason"), reports == null ? 0 : reports.longValue());
    }
}
