package io.relais.feed.timeline;

import io.relais.events.Activity;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.AudienceRule;
import io.relais.events.Iri;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few facts about a post, card or comment that fan-out, notifications and live push need, read
 * from its {@code Create} activity: who wrote it, where it belongs, who it is addressed to.
 *
 * @param kind     post, card (business event) or comment
 * @param root     the thread's root post (itself for a post or card)
 * @param audience to ∪ cc of the activity and its object
 * @param to       the primary addressees only: tells an organisation-wide post (to = organisation) from a
 *                 public community post (to = community, cc = organisation)
 * @param time     when it was published in Relais (its Create), epoch millis
 * @param version  epoch millis of the activity these facts come from: the Create's, or the last Update a
 *                 consumer applied; an Update not newer than the applied version is a replay, and changes nothing
 */
public record ContentFacts(String id, String kind, String author, String root, String inReplyTo,
                           List<String> audience, List<String> to, List<String> hashtags, List<String> mentions,
                           long time, boolean deleted, long version) {

    public static final String POST = "post";
    public static final String CARD = "card";
    public static final String COMMENT = "comment";

    /**
     * The person the audience rule lets see it whatever its audience: whoever wrote it; null for a business card,
     * which its system wrote (the person it names as owner sees it only through its audience, as anyone else).
     */
    public String writer() {
        return CARD.equals(kind) ? null : author;
    }

    public boolean isFeedItem() {
        return !COMMENT.equals(kind);
    }

    /** Addressed to everyone: merged from the organisation timeline on read, never copied per employee. */
    public boolean organisationWide() {
        if (to.stream().anyMatch(Audience::isOrganisationWide)) return true;
        return communities().isEmpty() && AudienceRule.isOrganisationWide(audience);
    }

    public List<String> communities() {
        return audience.stream().filter(a -> Iri.isKind(a, Iri.COMMUNITY)).toList();
    }

    /** People named directly in the audience (a card addressed to a person, a direct post). */
    public List<String> addressedPersons() {
        return audience.stream().filter(a -> Iri.isKind(a, Iri.PERSON)).toList();
    }

    /**
     * The facts of a Create (or, with the same reading, an Update) of a post, card or comment; empty for
     * anything else (communities, profiles…).
     */
    public static Optional<ContentFacts> ofCreate(Activity activity) {
        AsObject o = activity.object();
        if (o == null || o.id() == null) return Optional.empty();
        String kind;
        if (Iri.isKind(o.id(), Iri.COMMENT) || o.inReplyTo() != null) {
            kind = COMMENT;
        } else if (Iri.isKind(o.id(), Iri.POST)) {
            kind = POST;
        } else if (Iri.isKind(o.id(), Iri.BUSINESS_EVENT) || Iri.isKind(o.id(), Iri.DOCUMENT)
                || Iri.isKind(o.id(), Iri.EXTERNAL)) {
            kind = CARD;
        } else {
            return Optional.empty();
        }
        List<String> to = new ArrayList<>();
        if (activity.to() != null) to.addAll(activity.to());
        if (o.to() != null) to.addAll(o.to());
        String author = o.attributedTo() != null ? o.attributedTo() : activity.actor();
        String root = COMMENT.equals(kind) ? (o.context() != null ? o.context() : o.inReplyTo()) : o.id();
        // A feed item takes its place when it was published in Relais (the activity), not when the
        // business event happened (a card's object time): a deal closed yesterday and synced now is news now.
        Instant at = activity.published() != null ? activity.published() : o.published();
        return Optional.of(new ContentFacts(o.id(), kind, author, root, o.inReplyTo(),
                List.copyOf(activity.audience()), List.copyOf(to.stream().distinct().toList()),
                o.hashtags(), o.mentions(), at == null ? 0 : at.toEpochMilli(), false, at == null ? 0 : at.toEpochMilli()));
    }

    Document toDocument() {
        Document d = new Document("k", kind).append("a", author).append("root", root).append("v", audience)
                .append("to", to).append("h", hashtags).append("m", mentions).append("t", time);
        if (inReplyTo != null) d.append("re", inReplyTo);
        return d;
    }

    /** The stored facts, with the version {@code consumer} last applied in place of the Create's, if any. */
    static ContentFacts of(Document d, String consumer) {
        ContentFacts base = of(d);
        Document u = d.get("u", Document.class);
        Document mine = u == null ? null : u.get(consumer, Document.class);
        if (mine == null) return base;
        return new ContentFacts(base.id(), base.kind(), base.author(), base.root(), base.inReplyTo(),
                mine.getList("v", String.class, base.audience()), mine.getList("to", String.class, base.to()),
                mine.getList("h", String.class, List.of()), mine.getList("m", String.class, List.of()), base.time(),
                base.deleted(), mine.get("at") instanceof Number at ? at.longValue() : base.version());
    }

    /** The same object as an Update describes it: new audience, hashtags and mentions, the Update's version; identity and time kept. */
    public ContentFacts updatedBy(ContentFacts update) {
        return new ContentFacts(id, kind, author, root, inReplyTo, update.audience(), update.to(), update.hashtags(),
                update.mentions(), time, deleted, update.version());
    }

    /**
     * Whether an Update (read with {@link #ofCreate}) is not newer than these applied facts: a re-delivered or
     * older edit, which must change nothing (an Update without a time is always applied).
     */
    public boolean supersedes(ContentFacts update) {
        return update.version() > 0 && update.version() <= version;
    }

    static ContentFacts of(Document d) {
        return new ContentFacts(d.getString("_id"), d.getString("k"), d.getString("a"), d.getString("root"),
                d.getString("re"), d.getList("v", String.class, List.of()), d.getList("to", String.class, List.of()),
                d.getList("h", String.class, List.of()), d.getList("m", String.class, List.of()), d.getLong("t"),
                Boolean.TRUE.equals(d.getBoolean("del")), d.getLong("t"));
    }
}
