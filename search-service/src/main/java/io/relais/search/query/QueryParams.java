package io.relais.search.query;

import io.relais.events.TextHygiene;
import io.relais.kit.error.ProblemException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How the query parameters of search's endpoints are read, so a bad value is always a 400
 * problem+json naming the parameter and its rule (never a 404 from a failed JAX-RS conversion, never a
 * 500 from a date overflow), and every text parameter is cleaned and NFC-normalised
 * ({@link TextHygiene#line}) before it is parsed or compared with indexed text.
 */
public final class QueryParams {

    /** Earliest date a filter may name: dates outside years 1–9999 are refused rather than overflowing. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** Latest instant a filter may name (the last millisecond of year 9999). */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    static final String DATE_RULE = "must be a date (2026-01-31) or an instant (2026-01-31T08:00:00Z) "
            + "between the years 1 and 9999";

    private QueryParams() {
    }

    /**
     * A text parameter ({@code q}, filters): cleaned by {@link TextHygiene#line}, so {@code "cafe\u0301"}
     * and {@code "café"} are the same query and a NUL or bidi override never reaches the parser.
     *
     * @return the clean text, or {@code null} for {@code null}
     */
    public static String text(String raw) {
        return TextHygiene.line(raw);
    }

    /**
     * A page size: a whole number from 1 to {@code max}; absent or blank gives {@code defaultValue}.
     *
     * @throws ProblemException 400 naming {@code field} for anything else ({@code abc}, {@code 0}, {@code 1e3})
     */
    public static int limit(String raw, String field, int defaultValue, int max) {
        String s = raw == null ? null : raw.trim();
        if (s == null || s.isEmpty()) return defaultValue;
        int n;
        try {
            n = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number between 1 and " + max);
        }
        if (n < 1 || n > max) throw ProblemException.invalid(field, "must be between 1 and " + max);
        return n;
    }

    /**
     * An ISO instant, or a day (UTC; as an end bound, its last millisecond), between years 1 and 9999.
     *
     * @return the instant, or {@code null} when absent or blank
     * @throws ProblemException 400 naming {@code field} when it is neither, or out of range
     */
    public static Instant date(String raw, String field, boolean endOfDay) {
        String s = raw == null ? null : TextHygiene.line(raw).trim();
        if (s == null || s.isEmpty()) return null;
        Instant at;
        try {
            at = Instant.parse(s);
        } catch (DateTimeException notInstant) {
            try {
                LocalDate d = LocalDate.parse(s);
                if (d.getYear() < 1 || d.getYear() > 9999) throw ProblemException.invalid(field, DATE_RULE);
                at = endOfDay ? d.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(86_400).minusMillis(1)
                        : d.atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException | ArithmeticException e) {
                throw ProblemException.invalid(field, DATE_RULE);
            }
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) throw ProblemException.invalid(field, DATE_RULE);
        return at;
    }
}
