package io.relais.feed.moderation;

import org.bson.Document;

/**
 * A post or comment as moderation sees it.
 *
 * @param iri       the post or comment IRI
 * @param kind      {@code post} or {@code comment}
 * @param postIri   the thread's root post (the post itself for a post)
 * @param author    the author's person IRI
 * @param community the community IRI it was written in; null for an organisation-wide post
 * @param stored    the stored post or comment document
 * @param root      the stored root post (the same document for a post)
 */
public record ModeratedItem(String iri, String kind, String postIri, String author, String community,
                            Document stored, Document root) {

    public static final String POST = "post";
    public static final String COMMENT = "comment";

    /** Whether moderation hides it now (a moderator's hide, or a keyword rule's hold). */
    public boolean hidden() {
        Document m = stored.get(ModerationState.FIELD, Document.class);
        return m != null && ModerationState.HIDDEN.equals(m.getString("state"));
    }

    /** The author's own text (their Markdown), cut to {@code max} characters: plain text, never markup. */
    public String excerpt(int max) {
        String source = stored.getString("source");
        String text = source == null ? "" : source.strip().replaceAll("\\s+", " ");
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
