package io.relais.feed.moderation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Why someone reports a post or comment; published as {@code relais.moderation.reason} on the Flag. */
public enum ReportReason {
    SPAM, HARASSMENT, OFF_TOPIC, CONFIDENTIAL, OTHER;

    /** The wire form: lower case with a hyphen ({@code off-topic}). */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads the wire form; an unknown value is refused (the problem names the field {@code reason}). */
    @JsonCreator
    public static ReportReason of(String value) {
        return ReportReason.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
