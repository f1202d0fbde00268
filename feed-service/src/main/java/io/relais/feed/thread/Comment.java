package io.relais.feed.thread;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static io.relais.feed.thread.StoredFields.counts;
import static io.relais.feed.thread.StoredFields.instant;
import static io.relais.feed.thread.StoredFields.number;
import static io.relais.feed.thread.StoredFields.strings;

/**
 * A comment or a reply as stored in {@code comments} ({@code _id} = its IRI). It copies its root post's
 * audience and community when written, so reading it never needs the post. The stored document is read
 * ({@link #from}) and written ({@link #toDocument}) here only.
 *
 * @param iri       {@code urn:relais:comment:…}
 * @param post      the root post's IRI (the thread it belongs to)
 * @param inReplyTo the post or the comment it answers
 * @param author    the author's person IRI
 * @param content   sanitised HTML (empty once deleted)
 * @param source    the author's Markdown exactly as typed (after input hygiene); null for older comments
 * @param mentions  person IRIs mentioned, first appearance first
 * @param hashtags  hashtag IRIs, first appearance first
 * @param to        AS2 {@code to}, the root post's
 * @param cc        AS2 {@code cc}, the root post's
 * @param community the root post's community IRI; null for organisation-wide posts
 * @param reactions positive reaction counts per kind; kinds at 0 left out
 * @param position  0-based position in the thread, in the order comments were written
 * @param created   when it was written
 * @param edited    last edit; null if never
 * @param deleted   deleted: hidden everywhere, content and source emptied
 * @param deletedAt when it was deleted; null while not
 * @param moderation what moderation decided (hidden, restored); null if never moderated
 */
public record Comment(String iri, String post, String inReplyTo, String author, String content, String source,
                      List<String> mentions, List<String> hashtags, List<String> to, List<String> cc, String community,
                      Map<String, Long> reactions, long position, Instant created, Instant edited, boolean deleted,
                      Instant deletedAt, ModerationMark moderation) {

    /** Instants are kept at the store's precision (milliseconds), so a new comment reads as it will be read back. */
    public Comment {
        created = StoredFields.millis(created);
        edited = StoredFields.millis(edited);
        deletedAt = StoredFields.millis(deletedAt);
    }

    /** Whether moderation hides it from this person (everyone but its author; moderators use their queue). */
    public boolean hiddenFrom(String personIri) {
        return moderation != null && moderation.isHidden() && !java.util.Objects.equals(author, personIri);
    }

    /** {@code to} then {@code cc}: everyone it is addressed to. */
    public List<String> audience() {
        List<String> out = new ArrayList<>(to);
        out.addAll(cc);
        return out;
    }

    static Comment from(Document d) {
        return new Comment(d.getString("_id"), d.getString("post"), d.getString("inReplyTo"), d.getString("author"),
                d.getString("content"), d.getString("source"), strings(d, "mentions"), strings(d, "hashtags"),
                strings(d, "to"), strings(d, "cc"), d.getString("community"), counts(d), number(d, "position"),
                instant(d, "created"), instant(d, "edited"), d.getBoolean("deleted", false), instant(d, "deletedAt"),
                ModerationMark.from(d.get("moderation", Document.class)));
    }

    Document toDocument() {
        Document reactionCounts = new Document();
        reactions.forEach(reactionCounts::append);
        Document d = new Document("_id", iri).append("post", post).append("inReplyTo", inReplyTo).append("author", author)
                .append("content", content).append("source", source).append("mentions", mentions)
                .append("hashtags", hashtags).append("to", to).append("cc", cc).append("community", community)
                .append("reactions", reactionCounts).append("position", position)
                .append("created", created == null ? null : Date.from(created)).append("deleted", deleted);
        if (edited != null) d.append("edited", Date.from(edited));
        if (moderation != null) d.append("moderation", moderation.toDocument());
        return d;
    }
}
