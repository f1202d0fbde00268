package io.relais.feed.keyword;

/**
 * A CDI event: a post or comment was stored hidden because a hold rule matched it. Moderation observes it to
 * put the item in the queues and the audit log (so the writing features never depend on moderation).
 *
 * @param object the post or comment IRI
 * @param rule   the hold rule that matched
 */
public record ContentHeld(String object, KeywordRule rule) {
}
