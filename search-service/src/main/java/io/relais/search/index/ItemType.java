package io.relais.search.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a search hit is, as clients filter on it. */
public enum ItemType {
    POST, COMMENT, EVENT, DOCUMENT, PERSON, COMMUNITY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ItemType> parse(String s) {
        return Arrays.stream(values()).filter(t -> t.key().equalsIgnoreCase(s.trim())).findFirst();
    }
}
