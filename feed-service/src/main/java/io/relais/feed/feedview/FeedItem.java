package io.relais.feed.feedview;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.relais.feed.threadview.PostView;

import java.util.List;

/**
 * One item of a feed: the hydrated post, why it is in this feed, whether it is pinned (an
 * announcement on the home feed, a community pin on a community feed), and in the relevant order its
 * score breakdown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedItem(PostView post, List<String> reasons, boolean pinned, Relevance relevance) {
}
