package io.relais.feed.moderation;

import org.bson.Document;

import java.util.Date;

/**
 * The {@code moderation} field a hide, restore or hold writes into a stored post or comment:
 * {@code {state: hidden|visible, reason, by: person IRI (absent for a keyword rule), at}}.
 * Read paths show a hidden item only to its author and to the people who moderate it.
 */
public final class ModerationState {

    public static final String FIELD = "moderation";
    public static final String HIDDEN = "hidden";
    public static final String VISIBLE = "visible";

    private ModerationState() {
    }

    /** The field's value for a decision or a hold. */
    public static Document of(boolean hidden, String reason, String byIri, Date at) {
        Document d = new Document("state", hidden ? HIDDEN : VISIBLE).append("reason", reason).append("at", at);
        if (byIri != null) d.append("by", byIri);
        return d;
    }
}
