package io.relais.feed.threadview;

import java.util.List;

/** A post with one page of its thread (comments and replies, oldest first); {@code next} is the cursor. */
public record PostThread(PostView post, List<CommentView> comments, String next) {
}
