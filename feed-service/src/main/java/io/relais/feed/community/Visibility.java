package io.relais.feed.community;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * public: anyone in the organisation reads and joins; private: listed, content for members, join by
 * request; secret: invisible to non-members, invitation only.
 */
public enum Visibility {
    PUBLIC, PRIVATE, SECRET;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Visibility of(String value) {
        return Visibility.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
