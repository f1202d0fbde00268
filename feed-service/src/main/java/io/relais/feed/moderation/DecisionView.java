package io.relais.feed.moderation;

import java.time.Instant;

/**
 * What a decision did.
 *
 * @param object          the post or comment IRI
 * @param action          hide, restore or remove
 * @param state           the item's state afterwards: {@code hidden}, {@code visible} or {@code removed}
 * @param reason          the moderator's reason (the author's notification shows it)
 * @param reportsResolved how many open reports the decision closed
 * @param at              when
 */
public record DecisionView(String object, String action, String state, String reason, long reportsResolved, Instant at) {
}
