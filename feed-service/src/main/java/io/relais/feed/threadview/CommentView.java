package io.relais.feed.threadview;

import io.relais.feed.profile.PersonSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A comment or reply as the API shows it. {@code inReplyTo} is the post or the comment it answers;
 * {@code content} is sanitised HTML, {@code source} the author's Markdown exactly as typed (for edits);
 * {@code hidden} is set only for its author when moderation hid it (see {@link PostView.Hidden}); {@code can} says
 * what the reader may do to it (see {@link Can}), null where an answer does not say.
 */
public record CommentView(String id, String post, String inReplyTo, PersonSummary author, String content, String source,
                          List<String> mentions, List<String> hashtags, Map<String, Long> reactions,
                          String myReaction, Instant created, Instant edited, PostView.Hidden hidden, Can can) {

    /** The same comment with what this reader may do to it. */
    public CommentView with(Can can) {
        return new CommentView(id, post, inReplyTo, author, content, source, mentions, hashtags, reactions, myReaction,
                created, edited, hidden, can);
    }
}
