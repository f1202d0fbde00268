package io.relais.feed.moderation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a moderator does to a reported post or comment: {@code hide} (gone for everyone but its author and
 * moderators), {@code restore} (back for everyone) or {@code remove} (deleted, as its author would).
 */
public enum ModerationAction {
    HIDE, RESTORE, REMOVE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ModerationAction of(String value) {
        return ModerationAction.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
