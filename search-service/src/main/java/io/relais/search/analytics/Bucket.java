package io.relais.search.analytics;

import io.relais.kit.error.ProblemException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The period buckets figures are given per: calendar days, ISO weeks (Monday to Sunday) or calendar months, all
 * in UTC. Each bucket has a longest period it may be asked for, so an answer holds at most about a hundred rows.
 */
public enum Bucket {
    DAY(Duration.ofDays(92)),
    WEEK(Duration.ofDays(731)),
    MONTH(Duration.ofDays(731));

    private final Duration longestPeriod;

    Bucket(Duration longestPeriod) {
        this.longestPeriod = longestPeriod;
    }

    /** The longest period (from → to) this bucket may be asked for. */
    public Duration longestPeriod() {
        return longestPeriod;
    }

    /** The name used in the API and the CSV: {@code day}, {@code week}, {@code month}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the bucket that holds {@code at}. */
    public LocalDate startOf(Instant at) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the bucket after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** Parses the {@code bucket} parameter (default week); anything else is a 400 naming the field. */
    public static Bucket of(String raw) {
        if (raw == null || raw.isBlank()) return WEEK;
        for (Bucket b : values()) {
            if (b.key().equals(raw.trim().toLowerCase(Locale.ROOT))) return b;
        }
        throw ProblemException.invalid("bucket", "must be one of day, week, month");
    }
}
