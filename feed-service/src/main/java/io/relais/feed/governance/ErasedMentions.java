package io.relais.feed.governance;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Iri;
import io.relais.events.Login;
import io.relais.feed.comment.CommentService;
import io.relais.feed.post.PostService;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.regex.Matcher;

/**
 * Mentions of an erased person in other people's posts and comments (issue 15). Policy: the mention no longer links
 * to anyone and no longer names them: each {@code @login} of the erased person becomes the plain text
 * {@value #PLAIN} in the text (HTML and Markdown source), and the person leaves the item's mentions, so nothing
 * renders it as a link to a profile. The rest of the author's words stay. Each changed item is announced as an
 * {@code Update} of the whole object, so timelines, notifications (the mention notice goes) and search (the login
 * is no longer found in it) follow. Repeatable: a second run finds no item mentioning them.
 */
@ApplicationScoped
public class ErasedMentions {

    /** What replaces a mention of an erased person: plain words, never a mention (no {@code @}). */
    public static final String PLAIN = "former employee";

    @Inject
    PostStore posts;

    @Inject
    CommentStore comments;

    @Inject
    Outbox outbox;

    /**
     * Unlinks {@code personIri} from every post and comment that mentions them; {@code actorIri} (who asked for the
     * erasure) is the actor of the Updates. Answers how many items changed.
     */
    public int unlink(String personIri, String actorIri) {
        String login = Login.normalise(Iri.localId(personIri));
        int changed = 0;
        for (Post p : posts.mentioning(personIri)) {
            Post after = posts.unmention(p.iri(), personIri, unlinkedHtml(p.content(), login), unlinked(p.source(), login));
            if (after != null) announce(PostService.asObject(after), actorIri);
            changed++;
        }
        for (Comment c : comments.mentioning(personIri)) {
            Comment after = comments.unmention(c.iri(), personIri, unlinkedHtml(c.content(), login), unlinked(c.source(), login));
            if (after != null) announce(CommentService.asObject(after), actorIri);
            changed++;
        }
        return changed;
    }

    /** The text with every mention of {@code login} (the mention rule of {@link Login#MENTION}) replaced by {@value #PLAIN}. */
    static String unlinked(String text, String login) {
        if (text == null || text.isEmpty()) return text;
        Matcher m = Login.MENTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = login.equals(Login.normalise(m.group(1))) ? PLAIN : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The same for sanitised HTML, where the sanitiser writes every {@code @} as {@code &#64;}: read as {@code @}, then
     * written back the same way (equivalent HTML, so the rest of the text is unchanged for a reader).
     */
    static String unlinkedHtml(String html, String login) {
        if (html == null || html.isEmpty()) return html;
        return unlinked(html.replace("&#64;", "@"), login).replace("@", "&#64;");
    }

    private void announce(AsObject object, String actorIri) {
        outbox.append(Activity.builder().type(As2.UPDATE).actor(actorIri).object(object).to(object.to()).cc(object.cc())
                .published(Instant.now()).build());
    }
}
