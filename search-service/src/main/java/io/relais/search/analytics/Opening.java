package io.relais.search.analytics;

import java.time.Instant;

/**
 * One person's open of an item on a day, read from the index's view documents (feed-service's {@code View}). Used only
 * to count distinct openers; never answered as such by any API.
 *
 * @param item   the opened post, announcement or card IRI
 * @param reader who opened it
 * @param at     when (the first open of that day)
 */
public record Opening(String item, String reader, Instant at) {
}
