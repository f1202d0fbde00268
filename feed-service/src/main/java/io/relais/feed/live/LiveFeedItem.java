package io.relais.feed.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.relais.feed.threadview.PostView;

import java.util.List;

/**
 * A new item for a connected person's home feed. {@code post} is the hydrated post when the post
 * store has it already (a business card may still be on its way); {@code postId} always is there.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveFeedItem(String postId, List<String> reasons, PostView post) {
}
