package io.relais.feed.moderation;

import org.bson.Document;

import java.time.Instant;

/**
 * A report as its reporter sees it.
 *
 * @param object  the reported post or comment IRI
 * @param reason  spam, harassment, off-topic, confidential or other
 * @param comment the reporter's words, or null
 * @param created when it was first reported (a repeated report keeps the first)
 * @param status  {@code open}, or {@code resolved} once a moderator decided on the object
 */
public record ReportView(String object, String reason, String comment, Instant created, String status) {

    static ReportView of(Document d) {
        return new ReportView(d.getString("object"), d.getString("reason"), d.getString("comment"),
                d.getDate("created").toInstant(), d.getBoolean("open", true) ? "open" : "resolved");
    }
}
