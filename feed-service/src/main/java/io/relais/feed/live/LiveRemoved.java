package io.relais.feed.live;

/**
 * The data of a {@code feed-item-removed} event on my live stream: a post or card its audience admitted me to was
 * deleted (by its writer, a moderator, its business system, retention or an erasure) or hidden from me by moderation,
 * so a page that shows it takes it away without a reload. Sent only to people the post's audience admits, so it names
 * nothing they could not have read; a reload of the page would no longer show the item either.
 *
 * @param id the post's or card's IRI, as {@code post.id} of the feed item that showed it
 */
public record LiveRemoved(String id) {
}
