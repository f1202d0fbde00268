package io.relais.search.query;

import io.relais.kit.error.ProblemException;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque page cursor: the sort values of the last hit of a page (score or date, then the item id
 * that breaks ties), so the next page starts right after it with no offset.
 */
public final class Cursor {

    private Cursor() {
    }

    public static String after(ScoreDoc last, SortOrder order) {
        FieldDoc fd = (FieldDoc) last;
        String id = ((BytesRef) fd.fields[1]).utf8ToString();
        String head = order == SortOrder.RELEVANCE
                ? "r|" + Integer.toHexString(Float.floatToIntBits((Float) fd.fields[0]))
                : "d|" + fd.fields[0];
        return Base64.getUrlEncoder().withoutPadding().encodeToString((head + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static FieldDoc parse(String cursor, SortOrder order) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = s.split("\\|", 3);
            BytesRef id = new BytesRef(parts[2]);
            if (order == SortOrder.RELEVANCE && parts[0].equals("r")) {
                float score = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16));
                return new FieldDoc(Integer.MAX_VALUE, score, new Object[]{score, id});
            }
            if (order == SortOrder.RECENT && parts[0].equals("d")) {
                return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[]{Long.parseLong(parts[1]), id});
            }
        } catch (RuntimeException e) {
            // fall through to the problem below
        }
        throw ProblemException.invalid("cursor", "is not a cursor of this search (use nextCursor as returned, with the same sort)");
    }
}
