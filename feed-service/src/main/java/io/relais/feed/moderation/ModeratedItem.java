package io.relais.feed.moderation;

import io.relais.events.Viewer;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.ModerationMark;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.ThreadAccess;
import org.jsoup.Jsoup;

/**
 * A post, business card or comment as moderation sees it.
 *
 * @param iri       the post, card or comment IRI
 * @param kind      {@code post}, {@code card} or {@code comment}
 * @param postIri   the thread's root (the post or card itself, for one)
 * @param author    the author's person IRI; for a card the person its system names, or null (a card's writer is
 *                  its system: {@link Post#writer})
 * @param community the community IRI it was written in; null for an organisation-wide post
 * @param root      the stored root post or card (the item itself for one)
 * @param comment   the stored comment; null for a post or card
 */
public record ModeratedItem(String iri, String kind, String postIri, String author, String community,
                            Post root, Comment comment) {

    public static final String POST = "post";
    public static final String CARD = "card";
    public static final String COMMENT = "comment";

    static ModeratedItem of(Post post) {
        return new ModeratedItem(post.iri(), post.isCard() ? CARD : POST, post.iri(), post.author(), post.community(), post, null);
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

    /**
     * Whether a reader sees it as its thread shows it ({@link ThreadAccess#visible}): moderators' own reach, through
     * their queue, is not judged here.
     */
    public boolean visibleTo(Viewer viewer) {
        return comment == null ? ThreadAccess.visible(root, viewer) : ThreadAccess.visible(comment, root, viewer);
    }

    /** Whether it is a business card (written by a business system, not by a person in Relais). */
    public boolean isCard() {
        return comment == null && root.isCard();
    }

    /**
     * The beginning of what readers see, cut to {@code max} characters on a word: the text content of the rendered
     * HTML (a card: its title, then its summary), plain text, never markup nor the author's Markdown.
     */
    public String excerpt(int max) {
        String html = comment == null ? root.content() : comment.content();
        String text = html == null ? "" : Jsoup.parseBodyFragment(html).text();
        if (isCard() && root.card() != null) {
            // the language the card's content is shown in first (see CardProjection), then any
            java.util.Map<String, String> titles = root.card().title();
            String title = java.util.stream.Stream.concat(java.util.stream.Stream.of(titles.get("fr"), titles.get("und")),
                    titles.values().stream()).filter(t -> t != null && !t.isBlank()).findFirst().orElse("");
            text = title.isBlank() ? text : text.isBlank() ? title : title + " — " + text;
        }
        text = text.strip().replaceAll("\\s+", " ");
        if (text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }
}
