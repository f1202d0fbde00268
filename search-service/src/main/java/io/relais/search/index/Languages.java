package io.relais.search.index;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The languages an item's text is kept in ({@link Fields#LANGUAGES}): an AS2 language map ({@code nameMap},
 * {@code summaryMap}, {@code contentMap}) is keyed by language tags, kept here by their primary subtag ({@code fr-CA}
 * → {@code fr}), which also bounds the stored field names a producer can make.
 */
public final class Languages {

    /** At most this many languages are kept apart per item; a word of any other still finds it (the indexed text). */
    static final int MAX = 8;
    private static final Pattern PRIMARY = Pattern.compile("[a-z]{2,3}");

    private Languages() {
    }

    /** The key a language tag is kept under: its primary subtag, lower-cased; empty when it is no language tag. */
    public static Optional<String> key(String tag) {
        if (tag == null) return Optional.empty();
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return PRIMARY.matcher(primary).matches() ? Optional.of(primary) : Optional.empty();
    }

    /**
     * The non-blank texts of a language map by {@link #key}: the first text of a key wins, at most {@link #MAX} keys,
     * in the map's order; a null map is empty.
     */
    static Map<String, String> byKey(Map<String, String> byTag) {
        Map<String, String> out = new LinkedHashMap<>();
        if (byTag == null) return out;
        for (Map.Entry<String, String> e : byTag.entrySet()) {
            if (out.size() == MAX) break;
            if (e.getValue() == null || e.getValue().isBlank()) continue;
            key(e.getKey()).ifPresent(k -> out.putIfAbsent(k, e.getValue().strip()));
        }
        return out;
    }
}
