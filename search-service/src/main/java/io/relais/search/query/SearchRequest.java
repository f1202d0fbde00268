package io.relais.search.query;

import io.relais.events.Iri;
import io.relais.kit.error.ProblemException;
import io.relais.search.index.ItemType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A validated search: what to find, the filters, the order and the page. */
public record SearchRequest(String q, List<ItemType> types, List<String> communities, List<String> authors,
                            List<String> sources, Instant from, Instant to, SortOrder sort, String cursor, int limit) {

    /**
     * Reads and checks the raw query parameters; text is cleaned and NFC-normalised first
     * ({@link QueryParams#text}).
     *
     * @throws io.relais.kit.error.ProblemException 400 naming the first parameter that breaks its rule
     */
    public static SearchRequest of(String q, String type, String community, String author, String source, String from,
                                   String to, String sort, String cursor, String limit, int maxLimit) {
        q = QueryParams.text(q);
        type = QueryParams.text(type);
        community = QueryParams.text(community);
        author = QueryParams.text(author);
        source = QueryParams.text(source);
        List<ItemType> types = new ArrayList<>();
        for (String t : split(type)) {
            types.add(ItemType.parse(t).orElseThrow(() -> ProblemException.invalid("type",
                    "must be among post, comment, event, document, person, community (comma-separated)")));
        }
        List<String> communities = split(community).stream().map(c -> iri(c, Iri.COMMUNITY, "community")).toList();
        List<String> authors = split(author).stream().map(a -> iri(a, Iri.PERSON, "author")).toList();
        Instant f = QueryParams.date(from, "from", false);
        Instant t = QueryParams.date(to, "to", true);
        if (f != null && t != null && f.isAfter(t)) throw ProblemException.invalid("from", "must not be after to");
        int n = QueryParams.limit(limit, "limit", 20, maxLimit);
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
}
