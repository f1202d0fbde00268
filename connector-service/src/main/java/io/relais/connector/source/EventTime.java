package io.relais.connector.source;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The window a business system's date must fall in: an hr/crm/ecm {@code occurredAt}, a generic CloudEvent's
 * {@code time}, an AS2 {@code published} or {@code updated}. A feed is news: an event more than {@value #MAX_AGE_YEARS}
 * years old is not, and the dates that old a system actually sends are unset values — year 1 (.NET's
 * {@code DateTime.MinValue}), 1900 (SQL Server's zero date), 1970-01-01 (a Unix timestamp of 0) — which would be
 * shown on the card as its date. (How far ahead a date may be is each lane's: occurredAt is refused beyond the clock
 * skew allowance, the generic lane dates a later card "now".)
 */
public final class EventTime {

    /** How many years before Relais' clock a date may be. */
    public static final int MAX_AGE_YEARS = 10;

    private EventTime() {
    }

    /** True when {@code at} is more than {@link #MAX_AGE_YEARS} years before now (calendar years, UTC). */
    public static boolean tooOld(Instant at) {
        return at.isBefore(Instant.now().atOffset(ZoneOffset.UTC).minusYears(MAX_AGE_YEARS).toInstant());
    }

    /** The rule in words, for the violation naming the field. */
    public static String tooOldMessage(Instant at) {
        return "must not be more than " + MAX_AGE_YEARS + " years in the past: at most " + MAX_AGE_YEARS
                + " years before Relais' clock (a date that old is an unset value, not news), got " + at;
    }
}
