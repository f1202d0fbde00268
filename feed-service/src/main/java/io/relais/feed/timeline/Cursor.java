package io.relais.feed.timeline;

import io.relais.kit.error.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Position in a newest-first timeline: the (time, post IRI) of the last item served. Opaque to
 * clients (base64url); the next page holds exactly what sorts after it, so pages never overlap or
 * skip, whatever is inserted meanwhile.
 */
public record Cursor(long time, String post) {

    private static final String VERSION = "t1";

    public static Cursor after(TimelineEntry entry) {
        return new Cursor(entry.time(), entry.post());
    }

    public String encode() {
        String raw = VERSION + "|" + time + "|" + post;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for an absent cursor; a 400 naming the field for one this service did not produce. */
    public static Cursor decode(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 3);
            if (parts.length == 3 && VERSION.equals(parts[0]) && !parts[2].isBlank()) {
                return new Cursor(Long.parseLong(parts[1]), parts[2]);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalid("cursor", "is not a cursor returned by this feed; omit it to start from the newest");
    }
}
