package io.relais.feed.reaction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The reactions people can give; published as {@code relais.reaction} on a Like. */
public enum ReactionKind {
    LIKE, CELEBRATE, INSIGHTFUL, SUPPORT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ReactionKind of(String value) {
        return ReactionKind.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
