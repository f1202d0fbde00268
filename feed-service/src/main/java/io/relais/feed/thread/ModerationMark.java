package io.relais.feed.thread;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * What moderation decided about a post or comment, stored in its {@code moderation} field:
 * {@code {state: hidden|visible, reason, by, at}}. A hidden item is left out of every read path for everyone
 * but its author, who sees it marked with the reason; moderators find it in their queue.
 *
 * @param state  {@code hidden} or {@code visible} (restored)
 * @param reason the moderator's reason, or the keyword rule that held it
 * @param by     the moderator's person IRI; null when a keyword rule held it
 * @param at     when it was decided
 */
public record ModerationMark(String state, String reason, String by, Instant at) {

    public static final String HIDDEN = "hidden";
    public static final String VISIBLE = "visible";

    public ModerationMark {
        at = StoredFields.millis(at);
    }

    public static ModerationMark hidden(String reason, String by, Instant at) {
        return new ModerationMark(HIDDEN, reason, by, at);
    }

    public static ModerationMark visible(String reason, String by, Instant at) {
        return new ModerationMark(VISIBLE, reason, by, at);
    }

    public boolean isHidden() {
        return HIDDEN.equals(state);
    }

    static ModerationMark from(Document d) {
        if (d == null) return null;
        Date at = d.getDate("at");
        return new ModerationMark(d.getString("state"), d.getString("reason"), d.getString("by"), at == null ? null : at.toInstant());
    }

    Document toDocument() {
        Document d = new Document("state", state).append("reason", reason).append("at", at == null ? null : Date.from(at));
        if (by != null) d.append("by", by);
        return d;
    }
}
