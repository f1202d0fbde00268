package io.relais.feed.feedview;

import java.util.List;

/** A page of a feed; {@code next} is the opaque cursor of the following page, null at the end. */
public record FeedPage(String order, List<FeedItem> items, String next) {
}
