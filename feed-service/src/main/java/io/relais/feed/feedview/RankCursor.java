package io.relais.feed.feedview;

import io.relais.kit.error.ProblemException;
import io.relais.kit.paging.OpaqueCursor;

import java.time.Duration;
import java.time.Instant;

/**
 * Position in the relevant order: the score and post of the last item served, and the instant the
 * scores were computed at, so every page of one reading session decays recency from the same clock
 * and items never jump between pages.
 */
record RankCursor(Instant asOf, double total, String post) {

    private static final String VERSION = "r1";
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    boolean isAfter(double otherTotal, String otherPost) {
        return otherTotal < total || (otherTotal == total && otherPost.compareTo(post) < 0);
    }

    String encode() {
        return OpaqueCursor.encode(VERSION, asOf.toEpochMilli(), total, post);
    }

    /**
     * Reads a cursor {@link #encode} gave; {@code null} for none (the first page).
     *
     * @throws ProblemException 400 naming {@code cursor} when it is not one: not base64url, another version, a score
     *                          that is not a finite number, or an instant no reading session can have had (before
     *                          2000 or more than a day ahead of this replica's clock), which would overflow the
     *                          recency decay
     */
    static RankCursor decode(String token) {
        if (token == null || token.isBlank()) return null;
        String[] fields = OpaqueCursor.decode(token, VERSION, 3);
        try {
            if (fields != null && !fields[2].isBlank()) {
                Instant asOf = Instant.ofEpochMilli(Long.parseLong(fields[0]));
                double total = Double.parseDouble(fields[1]);
                if (!asOf.isBefore(EARLIEST) && !asOf.isAfter(Instant.now().plus(Duration.ofDays(1))) && Double.isFinite(total)) {
                    return new RankCursor(asOf, total, fields[2]);
                }
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // falls through
        }
        throw ProblemException.invalid("cursor", "is not a cursor of the relevant order; omit it to start from the top");
    }
}
