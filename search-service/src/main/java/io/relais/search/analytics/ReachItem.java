package io.relais.search.analytics;

import java.time.Instant;

/**
 * An announcement or a business card published in the period, whose reach is measured.
 *
 * @param id        its IRI
 * @param kind      announcement or card
 * @param title     a title or text excerpt, for the top items list
 * @param published when it was published
 * @param community the community it was addressed to; null for the organisation
 * @param readable  whether the caller may read it (only readable items are listed)
 */
public record ReachItem(String id, Kind kind, String title, Instant published, String community, boolean readable) {

    /** What is reached. */
    public enum Kind {
        ANNOUNCEMENT, CARD;

        /** The wire name: {@code announcement} or {@code card}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
