package io.relais.feed.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.relais.feed.threadview.CommentView;

/**
 * The {@code comment} event of a thread stream: what changed in the thread, as this reader would now see it.
 *
 * @param action  {@code created}, {@code edited} or {@code deleted}; a comment moderation hides from this reader is
 *                {@code deleted} for them (as a reload of the thread would leave it out)
 * @param post    the thread's root post IRI
 * @param id      the comment IRI
 * @param comment the comment as this reader sees it (author, sanitised HTML, reactions); absent for {@code deleted}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveComment(String action, String post, String id, CommentView comment) {

    public static final String CREATED = "created";
    public static final String EDITED = "edited";
    public static final String DELETED = "deleted";
}
