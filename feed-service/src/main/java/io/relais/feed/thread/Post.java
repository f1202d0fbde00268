package io.relais.feed.thread;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.relais.feed.thread.StoredFields.counts;
import static io.relais.feed.thread.StoredFields.instant;
import static io.relais.feed.thread.StoredFields.number;
import static io.relais.feed.thread.StoredFields.strings;

/**
 * A post, an announcement or a business-event card as stored in {@code posts} ({@code _id} = its IRI). The
 * stored document is read ({@link #from}) and written ({@link #toDocument}, {@link #cardUpsert}) here only.
 * Older documents may lack fields: a missing list reads empty, a missing counter 0, a missing date null.
 *
 * @param iri              {@code urn:relais:post:…}, or for cards {@code urn:relais:event:…}, {@code urn:relais:document:…}
 *                         or {@code urn:relais:external:<source>:<id>}
 * @param type             AS2 object type: {@code Note} for posts, {@code Event} or {@code Document} for cards
 * @param kind             {@code post}, {@code card} or {@code announcement}
 * @param author           the author's person IRI; for cards the person the business system names, or null
 * @param content          sanitised HTML (empty once deleted)
 * @param source           the author's Markdown exactly as typed (after input hygiene); null for cards and older posts
 * @param to               AS2 {@code to}: a community IRI or the organisation
 * @param cc               AS2 {@code cc}: the organisation for public communities' posts, else empty
 * @param community        the community IRI it was posted in; null for organisation-wide posts
 * @param mentions         person IRIs mentioned, first appearance first
 * @param hashtags         hashtag IRIs, first appearance first
 * @param attachments      files attached, in the author's order
 * @param card             the business event a card shows; null for posts
 * @param reactions        positive reaction counts per kind ({@code like}, {@code celebrate}…); kinds at 0 left out
 * @param commentCount     comments and replies not deleted
 * @param commentsAppended comments ever appended: the next thread position (never goes down)
 * @param pinned           pinned by an owner of its community
 * @param created          when it was written (cards: when the business event was published)
 * @param edited           last edit (cards: last update from the business system); null if never
 * @param expires          announcements only: when it stops being pinned on home feeds; null otherwise
 * @param deleted          deleted: hidden everywhere, content and source emptied
 * @param deletedAt        when it was deleted; null while not
 * @param deletedBy        person IRI who deleted it; null while not
 * @param moderation       what moderation decided (hidden, restored); null if never moderated
 */
public record Post(String iri, String type, String kind, String author, String content, String source,
                   List<String> to, List<String> cc, String community, List<String> mentions, List<String> hashtags,
                   List<Attachment> attachments, Card card, Map<String, Long> reactions, long commentCount,
                   long commentsAppended, boolean pinned, Instant created, Instant edited, Instant expires,
                   boolean deleted, Instant deletedAt, String deletedBy, ModerationMark moderation) {

    /** {@link #kind} of a post written in Relais. */
    public static final String KIND_POST = "post";
    /** {@link #kind} of a business-event card projected from connector-service. */
    public static final String KIND_CARD = "card";
    /** {@link #kind} of an organisation-wide announcement. */
    public static final String KIND_ANNOUNCEMENT = "announcement";

    /** Instants are kept at the store's precision (milliseconds), so a new post reads as it will be read back. */
    public Post {
        created = StoredFields.millis(created);
        edited = StoredFields.millis(edited);
        expires = StoredFields.millis(expires);
        deletedAt = StoredFields.millis(deletedAt);
    }

    /**
     * A file attached to a post, as listed in it.
     *
     * @param id        attachment id ({@code attachments._id})
     * @param mediaType type sniffed from the bytes, e.g. {@code image/png}
     * @param size      bytes
     * @param url       API path to download it, {@code /api/attachments/<id>}
     */
    public record Attachment(String id, String name, String mediaType, long size, String url) {

        static Attachment from(Document d) {
            return new Attachment(d.getString("id"), d.getString("name"), d.getString("mediaType"), number(d, "size"),
                    d.getString("url"));
        }

        Document toDocument() {
            return new Document("id", id).append("name", name).append("mediaType", mediaType).append("size", size)
                    .append("url", url);
        }
    }

    /**
     * The business event a card shows, as connector-service announced it.
     *
     * @param source        the business system's kind ({@code hr}, {@code crm}, {@code documents}…)
     * @param eventType     the event's type in that system
     * @param system        the configured system's id
     * @param sourceEventId the event's id in that system
     * @param systemName    the system's display name (the activity's generator name); may be null
     * @param generator     the system's IRI (the activity's generator); may be null
     * @param title         title per language tag ({@code fr}, {@code en}; {@code und} when untagged)
     * @param summary       summary per language tag, like the title
     * @param url           link to the item in the business system; may be null
     * @param data          the event's structured fields, as sent
     * @param attachments   the links the object carries (AS2 {@code attachment}), each an http(s) URL with its plain-text
     *                      name and media type when given; empty when none ({@link io.relais.feed.post.CardProjection} keeps web links only)
     */
    public record Card(String source, String eventType, String system, String sourceEventId, String systemName,
                       String generator, Map<String, String> title, Map<String, String> summary, String url,
                       Map<String, Object> data, List<Attachment> attachments) {

        public Card {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        /**
         * One link a card carries: an http or https {@code url}; {@code name} plain text (never markup), may be null;
         * {@code mediaType} as the system declared it, may be null; {@code type} {@code Image} or {@code Document}.
         */
        @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CardAttachment", description = "A link a business "
                + "card carries: url (http or https), name (plain text, may be absent), mediaType (may be absent), type "
                + "(Image or Document)")
        public record Attachment(String url, String name, String mediaType, String type) {

            static Attachment from(Document d) {
                return new Attachment(d.getString("url"), d.getString("name"), d.getString("mediaType"), d.getString("type"));
            }

            Document toDocument() {
                return new Document("url", url).append("name", name).append("mediaType", mediaType).append("type", type);
            }
        }

        static Card from(Document c) {
            if (c == null) return null;
            Document data = c.get("data", Document.class);
            List<Attachment> attachments = new ArrayList<>();
            for (Document a : c.getList("attachments", Document.class, List.of())) attachments.add(Attachment.from(a));
            return new Card(c.getString("source"), c.getString("eventType"), c.getString("system"),
                    c.getString("sourceEventId"), c.getString("systemName"), c.getString("generator"),
                    stringMap(c.get("title", Document.class)), stringMap(c.get("summary", Document.class)),
                    c.getString("url"), data == null ? Map.of() : new LinkedHashMap<>(data), attachments);
        }

        Document toDocument() {
            return new Document("source", source).append("eventType", eventType).append("system", system)
                    .append("sourceEventId", sourceEventId).append("systemName", systemName).append("generator", generator)
                    .append("title", new Document(new LinkedHashMap<>(title))).append("summary", new Document(new LinkedHashMap<>(summary)))
                    .append("url", url).append("data", new Document(data))
                    .append("attachments", attachments.stream().map(Attachment::toDocument).toList());
        }

        private static Map<String, String> stringMap(Document d) {
            Map<String, String> out = new LinkedHashMap<>();
            if (d != null) d.forEach((k, v) -> { if (v != null) out.put(k, v.toString()); });
            return out;
        }
    }

    /** Whether moderation hides it from this person (everyone but its author; moderators use their queue). */
    public boolean hiddenFrom(String personIri) {
        return moderation != null && moderation.isHidden() && !java.util.Objects.equals(writer(), personIri);
    }

    /** Whether it is an announcement. */
    public boolean announcement() {
        return KIND_ANNOUNCEMENT.equals(kind);
    }

    /**
     * The person the audience rule lets see it whatever its audience, and who may remove it as its author: whoever
     * wrote it; null for a business card, which its system wrote (the owner it names sees it only through its
     * audience and may not remove it; moderators may).
     */
    public String writer() {
        return isCard() ? null : author;
    }

    /** Whether it is a business-event card (not written in Relais, so not editable). */
    public boolean isCard() {
        return KIND_CARD.equals(kind);
    }

    /** {@code to} then {@code cc}: everyone it is addressed to. */
    public List<String> audience() {
        List<String> out = new ArrayList<>(to);
        out.addAll(cc);
        return out;
    }

    static Post from(Document d) {
        return new Post(d.getString("_id"), d.getString("type"), d.getString("kind"), d.getString("author"),
                d.getString("content"), d.getString("source"), strings(d, "to"), strings(d, "cc"),
                d.getString("community"), strings(d, "mentions"), strings(d, "hashtags"),
                d.getList("attachments", Document.class, List.of()).stream().map(Attachment::from).toList(),
                Card.from(d.get("card", Document.class)), counts(d), number(d, "commentCount"),
                number(d, "commentsAppended"), d.getBoolean("pinned", false), instant(d, "created"),
                instant(d, "edited"), instant(d, "expires"), d.getBoolean("deleted", false), instant(d, "deletedAt"),
                d.getString("deletedBy"), ModerationMark.from(d.get("moderation", Document.class)));
    }

    /** The document of a new post (cards are written by {@link #cardUpsert} instead). */
    Document toDocument() {
        Document reactionCounts = new Document();
        reactions.forEach(reactionCounts::append);
        Document d = new Document("_id", iri).append("type", type).append("kind", kind).append("author", author)
                .append("content", content).append("source", source).append("to", to).append("cc", cc)
                .append("community", community).append("mentions", mentions).append("hashtags", hashtags)
                .append("attachments", attachments.stream().map(Attachment::toDocument).toList())
                .append("reactions", reactionCounts).append("commentCount", commentCount)
                .append("commentsAppended", commentsAppended).append("pinned", pinned)
                .append("created", date(created)).append("deleted", deleted);
        if (expires != null) d.append("expires", date(expires));
        if (edited != null) d.append("edited", date(edited));
        if (moderation != null) d.append("moderation", moderation.toDocument());
        return d;
    }

    /**
     * The upsert of a card: the business event's own fields are set, the thread's (counters, reactions,
     * pin) only on insert, so replaying the event rewrites the same values and leaves counters alone.
     * {@code edited} is set only when the card carries it (an Update).
     */
    Bson cardUpsert() {
        List<Bson> set = new ArrayList<>(List.of(Updates.set("type", type), Updates.set("kind", KIND_CARD),
                Updates.set("author", author), Updates.set("content", content == null ? "" : content),
                Updates.set("to", to), Updates.set("cc", cc), Updates.set("community", community),
                Updates.set("card", card.toDocument()),
                Updates.setOnInsert("mentions", List.of()), Updates.setOnInsert("hashtags", List.of()),
                Updates.setOnInsert("attachments", List.of()), Updates.setOnInsert("reactions", new Document()),
                Updates.setOnInsert("commentCount", 0), Updates.setOnInsert("commentsAppended", 0),
                Updates.setOnInsert("pinned", false), Updates.setOnInsert("deleted", false),
                Updates.setOnInsert("created", date(created))));
        if (edited != null) set.add(Updates.set("edited", date(edited)));
        return Updates.combine(set);
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }
}
