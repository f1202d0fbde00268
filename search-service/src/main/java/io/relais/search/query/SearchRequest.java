package io.relais.search.query;

import io.relais.events.Iri;
import io.relais.kit.error.ProblemException;
import io.relais.search.index.ItemType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A validated search: what to find, the filters, the order and the page. */
public record SearchRequest(String q, List<ItemType> types, List<String> communities, List<String> authors,
                            List<String> sources, Instant from, Instant to, SortOrder sort, String cursor, int limit) {

    public static SearchRequest of(String q, String type, String community, String author, String source, String from,
                                   String to, String sort, String cursor, Integer limit, int maxLimit) {
        List<ItemType> types = new ArrayList<>();
        for (String t : split(type)) {
            types.add(ItemType.parse(t).orElseThrow(() -> ProblemException.invalid("type",
                    "must be among post, comment, event, document, person, community (comma-separated)")));
        }
        List<String> communities = split(community).stream().map(c -> iri(c, Iri.COMMUNITY, "community")).toList();
        List<String> authors = split(author).stream().map(a -> iri(a, Iri.PERSON, "author")).toList();
        Instant f = date(from, "from", false);
        Instant t = date(to, "to", true);
        if (f != null && t != null && f.isAfter(t)) throw ProblemException.invalid("from", "must not be after to");
        int n = limit == null ? 20 : limit;
        if (n < 1 || n > maxLimit) throw ProblemException.invalid("limit", "must be between 1 and " + maxLimit);
        return new SearchRequest(q, types, communities, authors, split(source), f, t, SortOrder.parse(sort),
                cursor == null || cursor.isBlank() ? null : cursor, n);
    }

    static List<String> split(String s) {
        if (s == null || s.isBlank()) return List.of();
        return java.util.Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /** Accepts a full IRI or the local part ({@code alice}, {@code design-guild}). */
    static String iri(String value, String kind, String field) {
        if (value.startsWith("urn:")) {
            if (!Iri.isKind(value, kind)) throw ProblemException.invalid(field, "must be a " + kind + " IRI or id");
            return value;
        }
        try {
            return kind.equals(Iri.PERSON) ? Iri.person(value) : Iri.of(kind, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a " + kind + " IRI or id");
        }
    }

    /** An ISO instant, or a day (the whole day, UTC). */
    static Instant date(String s, String field, boolean endOfDay) {
        if (s == null || s.isBlank()) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate d = LocalDate.parse(s);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(endOfDay ? 1 : 0);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(field, "must be a date (2026-01-31) or an instant (2026-01-31T08:00:00Z)");
            }
        }
    }
}
