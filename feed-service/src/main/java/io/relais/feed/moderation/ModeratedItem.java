package io.relais.feed.moderation;

import io.relais.feed.thread.Comment;
import io.relais.feed.thread.ModerationMark;
import io.relais.feed.thread.Post;

/**
 * A post or comment as moderation sees it.
 *
 * @param iri       the post or comment IRI
 * @param kind      {@code post} or {@code comment}
 * @param postIri   the thread's root post (the post itself for a post)
 * @param author    the author's person IRI
 * @param community the community IRI it was written in; null for an organisation-wide post
 * @param root      the stored root post (the post itself for a post)
 * @param comment   the stored comment; null for a post
 */
public record ModeratedItem(String iri, String kind, String postIri, String author, String community,
                            Post root, Comment comment) {

    public static final String POST = "post";
    public static final String COMMENT = "comment";

    static ModeratedItem of(Post post) {
        return new ModeratedItem(post.iri(), POST, post.iri(), post.author(), post.community(), post, null);
    }

    static ModeratedItem of(Comment comment, Post root) {
        return new ModeratedItem(comment.iri(), COMMENT, root.iri(), comment.author(), root.community(), root, comment);
    }

    /** What moderation decided about it last; null if never moderated. */
    public ModerationMark mark() {
        return comment == null ? root.moderation() : comment.moderation();
    }

    /** Whether moderation hides it now (a moderator's hide, or a keyword rule's hold). */
    public boolean hidden() {
        return mark() != null && mark().isHidden();
    }

    /** The author's own text (their Markdown), cut to {@code max} characters: plain text, never markup. */
    public String excerpt(int max) {
        String source = comment == null ? root.source() : comment.source();
        String text = source == null ? "" : source.strip().replaceAll("\\s+", " ");
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
