package io.relais.search.query;

import io.relais.kit.error.ProblemException;
import io.relais.search.index.Fields;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/** relevance: best match first; recent: newest first. Both end with the id so the order is total. */
public enum SortOrder {
    RELEVANCE, RECENT;

    public Sort sort() {
        SortField tieBreak = new SortField(Fields.ID_SORT, SortField.Type.STRING);
        return this == RELEVANCE
                ? new Sort(SortField.FIELD_SCORE, tieBreak)
                : new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true), tieBreak);
    }

    public static SortOrder parse(String s) {
        if (s == null || s.isBlank() || s.equalsIgnoreCase("relevance")) return RELEVANCE;
        if (s.equalsIgnoreCase("recent")) return RECENT;
        throw ProblemException.invalid("sort", "must be relevance or recent");
    }
}
