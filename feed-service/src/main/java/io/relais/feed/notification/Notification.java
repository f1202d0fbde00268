package io.relais.feed.notification;

import io.relais.events.Iri;
import org.bson.Document;

import java.time.Duration;

/**
 * A notification as stored in a person's day bucket. Its id starts with the bucket's day, so reading
 * or marking one is a keyed access; the rest is the activity's local id, so one activity makes at
 * most one notification per person however often it is delivered.
 *
 * @param kind   mention, reply, reaction, join-request, invitation, approval, business-event
 * @param object the IRI the notification is about (the post, comment, card, or the community)
 * @param post   the thread's root post, when there is one
 * @param detail a short qualifier: the reaction kind, the business event type
 */
public record Notification(String id, String recipient, String kind, String actor, String object, String post,
                           String community, String detail, long time, boolean read) {

    static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    public static String idFor(String activityIri, long time) {
        return Math.floorDiv(time, DAY_MILLIS) + "." + Iri.localId(activityIri).replace('/', '_');
    }

    /** The day bucket of an id, or -1 when the id was not made by {@link #idFor}. */
    static long dayOf(String id) {
        int dot = id == null ? -1 : id.indexOf('.');
        if (dot <= 0) return -1;
        try {
            return Long.parseLong(id.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    long day() {
        return Math.floorDiv(time, DAY_MILLIS);
    }

    Document toDocument() {
        Document d = new Document("id", id).append("k", kind).append("a", actor).append("o", object).append("t", time)
                .append("r", read);
        if (post != null) d.append("p", post);
        if (community != null) d.append("c", community);
        if (detail != null) d.append("x", detail);
        return d;
    }

    static Notification of(String recipient, Document d) {
        return new Notification(d.getString("id"), recipient, d.getString("k"), d.getString("a"), d.getString("o"),
                d.getString("p"), d.getString("c"), d.getString("x"), d.getLong("t"), Boolean.TRUE.equals(d.getBoolean("r")));
    }
}
