package io.relais.feed.thread;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of the fields of a stored post, comment or thread-bucket document, tolerant of what older
 * documents lack: a missing list is empty, a missing number is 0, a missing date is null.
 */
public final class StoredFields {

    private StoredFields() {
    }

    /** Positive reaction counters per kind ({@code reactions.<kind>}); kinds at 0 are left out. */
    public static Map<String, Long> counts(Document d) {
        Map<String, Long> out = new LinkedHashMap<>();
        Document r = d.get("reactions", Document.class);
        if (r != null) r.forEach((k, v) -> { if (v instanceof Number n && n.longValue() > 0) out.put(k, n.longValue()); });
        return out;
    }

    /** A list of strings (audience, mentions, hashtags); empty when absent. */
    public static List<String> strings(Document d, String field) {
        List<String> v = d.getList(field, String.class);
        return v == null ? List.of() : v;
    }

    /** Any stored number as a long; 0 when absent. */
    public static long number(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.longValue() : 0;
    }

    /** A stored date as an instant; null when absent. */
    public static Instant instant(Document d, String field) {
        Date v = d.getDate(field);
        return v == null ? null : v.toInstant();
    }
}
