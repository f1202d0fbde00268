package io.relais.feed.community;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A member's role in a community; owners and moderators moderate, owners also manage roles and pins. */
public enum Role {
    OWNER, MODERATOR, MEMBER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role of(String value) {
        return Role.valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean moderates() {
        return this == OWNER || this == MODERATOR;
    }
}
