package io.relais.feed.governance;

import java.time.Instant;

/**
 * A community's retention rule and legal hold (issue 15).
 *
 * @param community     the community IRI
 * @param retentionDays content older than this many days is deleted by {@link RetentionJob}; null = kept forever
 * @param setBy         who set the rule (person IRI)
 * @param hold          the legal hold that suspends the rule, or null
 */
public record RetentionPolicy(String community, Integer retentionDays, String setBy, LegalHold hold) {

    /** Smallest retention a community may set: a month, so a mistake cannot empty a community overnight. */
    public static final int MIN_DAYS = 30;
    /** Largest: a hundred years. */
    public static final int MAX_DAYS = 36_500;

    /** A legal hold: why, who placed it (an administrator's IRI), when. */
    public record LegalHold(String reason, String by, Instant at) {
    }

    /** Whether the job deletes anything in this community now. */
    public boolean applies() {
        return retentionDays != null && hold == null;
    }
}
