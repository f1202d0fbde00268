package io.relais.feed.live;

/**
 * The data of a {@code feed-item-updated} event on my live stream: a post or card I may see changed (its writer
 * edited it, its link preview arrived, its business system updated the card, a moderator's decision changed what its
 * author sees), so a page that shows it reads it again (as a reload would show it) without a reload. Only the id: the
 * page reads the item with its own rights, so the event names nothing but an item I could already read.
 *
 * @param id the post's or card's IRI, as {@code post.id} of the feed item that showed it
 */
public record LiveUpdated(String id) {
}
