package io.relais.feed.timeline;

import io.relais.kit.error.ProblemException;
import io.relais.kit.paging.OpaqueCursor;

/**
 * Position in a newest-first timeline: the (time, post IRI) of the last item served. Opaque to
 * clients ({@link OpaqueCursor}); the next page holds exactly what sorts after it, so pages never overlap or
 * skip, whatever is inserted meanwhile.
 */
public record Cursor(long time, String post) {

    private static final String VERSION = "t1";

    public static Cursor after(TimelineEntry entry) {
        return new Cursor(entry.time(), entry.post());
    }

    public String encode() {
        return OpaqueCursor.encode(VERSION, time, post);
    }

    /** Null for an absent cursor; a 400 naming the field for one this service did not produce. */
    public static Cursor decode(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String[] fields = OpaqueCursor.decode(token, VERSION, 2);
        try {
            if (fields != null && !fields[1].isBlank()) {
                return new Cursor(Long.parseLong(fields[0]), fields[1]);
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalid("cursor", "is not a cursor returned by this feed; omit it to start from the newest");
    }
}
