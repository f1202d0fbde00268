package io.relais.feed.thread;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of the fields of a stored post, comment or thread-bucket document (for {@link Post#from} and
 * {@link Comment#from}), tolerant of what older
 * documents lack: a missing list is empty, a missing number is 0, a missing date is null.
 */
final class StoredFields {

    private StoredFields() {
    }

    /** Positive reaction counters per kind ({@code reactions.<kind>}); kinds at 0 are left out. */
    static Map<String, Long> counts(Document d) {
        Map<String, Long> out = new LinkedHashMap<>();
        Document r = d.get("reactions", Document.class);
        if (r != null) r.forEach((k, v) -> { if (v instanceof Number n && n.longValue() > 0) out.put(k, n.longValue()); });
        return out;
    }

    /** A list of strings (audience, mentions, hashtags); empty when absent. */
    static List<String> strings(Document d, String field) {
        List<String> v = d.getList(field, String.class);
        return v == null ? List.of() : v;
    }

    /** Any stored number as a long; 0 when absent. */
    static long number(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.longValue() : 0;
    }

    /** The {@code $inc} that moves a reaction from one kind to another ({@code from} down, {@code to} up; either null). */
    static Bson reactionMove(String from, String to) {
        List<Bson> inc = new ArrayList<>();
        if (from != null) inc.add(Updates.inc("reactions." + from, -1));
        if (to != null) inc.add(Updates.inc("reactions." + to, 1));
        return Updates.combine(inc);
    }

    /** The instant as a stored date holds it (milliseconds); null stays null. */
    static Instant millis(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A stored date as an instant; null when absent. */
    static Instant instant(Document d, String field) {
        Date v = d.getDate(field);
        return v == null ? null : v.toInstant();
    }
}
