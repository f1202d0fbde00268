package io.relais.search.query;

import io.relais.kit.error.ProblemException;
import io.relais.kit.paging.OpaqueCursor;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * An opaque page cursor. It names the index snapshot the first page was read from (kept for ten
 * minutes), so later pages see the very same hits with the very same scores: no duplicate, no gap.
 * By relevance it holds the position in that ranking; by date it also holds the last hit's date and
 * id (a search-after position), which stays exact even once the snapshot has expired.
 */
public record Cursor(String generation, long snapshot, int offset, long published, String id) {

    /** How deep relevance paging may go; past that, a narrower query is the answer. */
    public static final int MAX_DEPTH = 1_000;

    public static String next(String generation, long snapshot, int offset, ScoreDoc last, SortOrder order) {
        if (order == SortOrder.RELEVANCE) {
            return OpaqueCursor.encode("r", generation, snapshot, offset);
        }
        FieldDoc fd = (FieldDoc) last;
        return OpaqueCursor.encode("d", generation, snapshot, offset, fd.fields[0], ((BytesRef) fd.fields[1]).utf8ToString());
    }

    /**
     * Reads a cursor this search gave ({@link #next}) for the same sort.
     *
     * @throws ProblemException 400 naming {@code cursor} when it is not one: not base64url, another sort's, or a
     *                          position no page can have (an offset below 0, or by relevance past {@link #MAX_DEPTH})
     */
    public static Cursor parse(String cursor, SortOrder order) {
        try {
            String[] p = order == SortOrder.RELEVANCE ? OpaqueCursor.decode(cursor, "r", 3) : OpaqueCursor.decode(cursor, "d", 5);
            Cursor parsed = null;
            if (p != null && order == SortOrder.RELEVANCE) {
                parsed = new Cursor(p[0], Long.parseLong(p[1]), Integer.parseInt(p[2]), 0, null);
            } else if (p != null) {
                parsed = new Cursor(p[0], Long.parseLong(p[1]), Integer.parseInt(p[2]), Long.parseLong(p[3]), p[4]);
            }
            // a hand-made offset would index the hits out of range (a 500, not the caller's mistake named); by date a
            // page may lie deeper than MAX_DEPTH (its position is the last hit's date and id, not the offset)
            if (parsed != null && parsed.offset() >= 0 && (order == SortOrder.RECENT || parsed.offset() <= MAX_DEPTH)) {
                return parsed;
            }
        } catch (RuntimeException e) {
            // fall through to the problem below
        }
        throw ProblemException.invalid("cursor", "is not a cursor of this search (use nextCursor as returned, with the same sort)");
    }

    /**
     * The search-after position of a date-ordered cursor. Lucene collects hits that sort equal to the
     * position unless their doc number is lower, and a doc number means nothing in another snapshot;
     * the smallest id after the last one ({@code id + "\0"}) makes the position exclusive instead.
     */
    public FieldDoc after() {
        return new FieldDoc(-1, Float.NaN, new Object[]{published, new BytesRef(id + "\u0000")});
    }
}
