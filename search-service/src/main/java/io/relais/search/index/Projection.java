package io.relais.search.index;

import io.relais.events.Activity;
import io.relais.events.HrAcceptance;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.events.PersonErasure;
import io.relais.events.RelaisExtension;
import io.relais.events.Topics;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How activities and profiles become Lucene documents. Every change is an upsert or a delete by id,
 * so applying the same event twice, or replaying the topic, leaves the same index. A person's document is
 * written and removed only from {@code relais.profiles} ({@link #applyProfile}), the one source of profile fields.
 */
public final class Projection {

    /** Analysed text with offsets in the postings, so highlighting needs no re-analysis. */
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private Projection() {
    }

    /**
     * Applies one activity. {@code existing} reads a stored field of an already indexed item (to keep
     * the original publication date when an edit does not carry it).
     */
    public static void apply(Activity a, IndexGeneration index, Function<String, Instant> existingPublished) {
        String type = a.type();
        AsObject o = a.object();
        if (aboutPerson(o)) {
            // a person's document comes only from relais.profiles (applyProfile), issue 16, F15: an activity about a
            // person (a Create/Update of a Person, a Delete, Undo or moderation naming a person IRI), read live or
            // replayed after a restart, is older or partial news and never replaces or removes the profile's document
            return;
        }
        // a hire is found once profile-service applied it: its announcement is indexed, the HR connector's Create is not
        if (HrAcceptance.awaitsAcceptance(a)) return;
        switch (type) {
            case As2.CREATE, As2.UPDATE -> {
                if (o == null || o.type() == null) return;
                if (hiddenByModeration(o)) {
                    // hidden by a moderator or held by a keyword rule: out of the index; a hidden post's or card's
                    // comments stay indexed (the log does not repeat them) but a marker keeps them out of every search
                    // until a restore, an Update that puts the post or card back and lifts the marker
                    if (o.id() != null) index.delete(new Term(Fields.ID, o.id()));
                    if (rootsAThread(o.id())) hideThread(o, index);
                    return;
                }
                if (isCard(o.id()) && keptOut(o, index)) return;
                // a restore lifts the marker; a Create or Update of a thread nobody hid has none to lift (and deleting
                // one that is not there would still count as a marker change, costing the next check a refresh)
                if (rootsAThread(o.id()) && index.hasMarker(hiddenThreadId(o.id()))) index.deleteMarker(hiddenThreadId(o.id()));
                switch (o.type()) {
                    case As2.NOTE, As2.ARTICLE, As2.QUESTION, As2.PAGE -> indexPostOrComment(a, o, index, existingPublished);
                    case As2.EVENT, As2.DOCUMENT -> indexBusinessItem(a, o, index, existingPublished);
                    case As2.GROUP -> indexCommunity(a, o, index, existingPublished);
                    default -> { /* not searchable */ }
                }
            }
            case As2.DELETE -> {
                if (o != null && o.id() != null) {
                    deleteItem(o.id(), index);
                    if (isCard(o.id())) markRemoved(o.id(), index);
                }
            }
            case As2.LIKE -> indexReaction(a, index);
            case As2.UNDO -> {
                // only a withdrawn reaction changes the index; Undo Follow does not
                if (o != null && o.id() != null && (o.type() == null || As2.LIKE.equals(o.type()))) {
                    index.delete(new Term(Fields.ID, o.id()));
                }
            }
            case As2.JOIN -> {
                indexMembership(a, index);
                indexMembershipChange(a, Fields.CHANGE_JOIN, index);
            }
            case As2.LEAVE -> {
                if (o != null && o.id() != null) index.delete(new Term(Fields.ID, membershipId(a.actor(), o.id())));
                indexMembershipChange(a, Fields.CHANGE_LEAVE, index);
            }
            case As2.VIEW -> indexView(a, index);
            default -> { /* Follow, Announce… are not searched */ }
        }
    }

    /** Whether the object is a person (by type or by IRI): people are indexed from {@code relais.profiles} only. */
    static boolean aboutPerson(AsObject o) {
        return o != null && (As2.PERSON.equals(o.type()) || (o.id() != null && Iri.isKind(o.id(), Iri.PERSON)));
    }

    /** Whether an IRI names what a thread hangs on: a post, or a card (business event, document, external object). */
    static boolean rootsAThread(String iri) {
        return Iri.isKind(iri, Iri.POST) || isCard(iri);
    }

    /**
     * Whether an IRI names a card: a business event, a document or a business system's external object (the kinds
     * feed-service's {@code CardProjection} keeps as cards).
     */
    static boolean isCard(String iri) {
        return Iri.isKind(iri, Iri.BUSINESS_EVENT) || Iri.isKind(iri, Iri.DOCUMENT) || Iri.isKind(iri, Iri.EXTERNAL);
    }

    /**
     * Whether a card's Create or Update stays out of the index, as feed-service keeps the card out of every read: the
     * card was deleted (by its system or a moderator: feed-service never undeletes a card, whatever its system sends
     * later), or moderation hides it and this is not a moderation decision about it (its system's Update rewrites the
     * card's own fields, never its moderation state; only feed-service's restore, carrying {@code relais.moderation},
     * brings it back).
     */
    private static boolean keptOut(AsObject o, IndexGeneration index) {
        if (index.hasMarker(removedCardId(o.id()))) return true;
        return RelaisExtension.of(o).moderation().isEmpty() && index.hasMarker(hiddenThreadId(o.id()));
    }

    /** The id of the marker saying that a card was deleted for good. */
    public static String removedCardId(String cardIri) {
        return "removed|" + cardIri;
    }

    /** Marks a card deleted for good ({@link Fields#KIND_REMOVED_CARD}): its id, nothing else. */
    private static void markRemoved(String cardIri, IndexGeneration index) {
        Document d = new Document();
        d.add(new StringField(Fields.KIND, Fields.KIND_REMOVED_CARD, Field.Store.NO));
        d.add(new StringField(Fields.ID, removedCardId(cardIri), Field.Store.YES));
        index.upsertMarker(removedCardId(cardIri), d);
    }

    /** Whether the object carries {@code relais.moderation.state = hidden} (feed-service's moderation). */
    static boolean hiddenByModeration(AsObject o) {
        return RelaisExtension.of(o).moderation().map(RelaisExtension.Moderation::hidden).orElse(false);
    }

    /**
     * A profile snapshot from {@code relais.profiles}; a null activity is the tombstone of an erased person, and the
     * Delete of a person ({@link PersonErasure}, issue 15) erases everything of them: their person document, every
     * document they are the author of (posts, comments, cards attributed to them, reactions; suggestions are drawn
     * from these documents, so they go too), their membership documents and membership changes, and their opens
     * (views). Repeatable.
     *
     * @throws IllegalArgumentException when the record is none of these: a snapshot whose object is not a person under a
     *                                  person IRI, or a tombstone whose key is not a person IRI (the live consumer
     *                                  dead-letters it with this message; a rebuild skips it)
     */
    public static void applyProfile(String personIri, Activity snapshot, IndexGeneration index) {
        java.util.Optional<String> erased = PersonErasure.erasedPerson(snapshot);
        if (erased.isPresent()) {
            index.delete(new Term(Fields.ID, erased.get()), new Term(Fields.AUTHOR, erased.get()),
                    new Term(Fields.MEMBER, erased.get()), new Term(Fields.READER, erased.get()));
            return;
        }
        if (snapshot == null || snapshot.object() == null) {
            // a tombstone removes the person its key names, never another document (a post, a community) by its id
            if (personIri != null && !Iri.isKind(personIri, Iri.PERSON)) {
                throw new IllegalArgumentException("a tombstone on " + Topics.PROFILES
                        + " removes a person: its key must be a person IRI (urn:relais:person:…), not " + personIri);
            }
            if (personIri != null) index.delete(new Term(Fields.ID, personIri));
            return;
        }
        AsObject o = snapshot.object();
        // the topic carries people: any other object (a producer's own Note, say) would become a person in the directory,
        // and a person document under another kind of IRI would replace the item of that id
        if (!aboutPerson(o) || o.id() == null || !Iri.isKind(o.id(), Iri.PERSON)) {
            throw new IllegalArgumentException(Topics.PROFILES + " carries people: the object of "
                    + snapshot.type() + " must be a Person with a person IRI (urn:relais:person:…), not "
                    + o.type() + " " + o.id());
        }
        indexPerson(snapshot, o, index);
    }

    public static String membershipId(String person, String community) {
        return "membership|" + person + "|" + community;
    }

    private static void indexPostOrComment(Activity a, AsObject o, IndexGeneration index, Function<String, Instant> existing) {
        boolean comment = Iri.isKind(o.id(), Iri.COMMENT) || o.inReplyTo() != null;
        Document d = item(o.id(), comment ? ItemType.COMMENT : ItemType.POST, a, o, index, existing);
        String body = PlainText.of(o.content());
        if (o.contentMap() != null) {
            for (String v : o.contentMap().values()) {
                if (!Objects.equals(v, o.content())) body = join(body, PlainText.of(v));
            }
        }
        String attachments = null;
        for (AsObject att : o.attachment() == null ? List.<AsObject>of() : o.attachment()) {
            if (att != null && att.name() != null) attachments = join(attachments, att.name());
        }
        body = join(body, attachments);
        text(d, o.name(), body);
        Map<String, String> bodies = new LinkedHashMap<>();
        if (o.contentMap() != null) {
            for (Map.Entry<String, String> e : o.contentMap().entrySet()) {
                bodies.put(e.getKey(), join(PlainText.of(e.getValue()), attachments));
            }
        }
        languageTexts(d, o.nameMap(), o.name(), bodies, body);
        if (!comment && (RelaisExtension.of(o).isAnnouncement() || RelaisExtension.of(a).isAnnouncement())) {
            d.add(new StringField(Fields.ANNOUNCEMENT, "true", Field.Store.YES));
        }
        if (comment) {
            d.add(new StringField(Fields.CONTEXT, o.threadRoot(), Field.Store.YES));
            if (o.inReplyTo() != null) d.add(new StringField(Fields.IN_REPLY_TO, o.inReplyTo(), Field.Store.YES));
        }
        index.upsert(o.id(), d);
    }

    private static void indexBusinessItem(Activity a, AsObject o, IndexGeneration index, Function<String, Instant> existing) {
        ItemType type = As2.DOCUMENT.equals(o.type()) ? ItemType.DOCUMENT : ItemType.EVENT;
        Document d = item(o.id(), type, a, o, index, existing);
        String title = firstNonBlank(o.name(), pick(o.nameMap()));
        String titleText = join(o.name(), values(o.nameMap()));
        // a card's name and summary are the partner's plain text (connector-service): indexed as they are, never read
        // as HTML, so "Smith & Sons <EMEA>" is found and shown whole; only content is HTML
        String rest = PlainText.of(o.content());
        if (a.summary() != null && !a.summary().equals(o.summary())) rest = join(rest, a.summary());
        String body = join(o.summaryMap() != null && !o.summaryMap().isEmpty() ? values(o.summaryMap()) : o.summary(), rest);
        d.add(new StoredField(Fields.TITLE, title == null ? "" : title));
        indexText(d, titleText, body);
        Map<String, String> bodies = new LinkedHashMap<>();
        if (o.summaryMap() != null) {
            for (Map.Entry<String, String> e : o.summaryMap().entrySet()) bodies.put(e.getKey(), join(e.getValue(), rest));
        }
        languageTexts(d, o.nameMap(), title, bodies, body);
        if (o.url() != null) d.add(new StoredField(Fields.URL, o.url()));
        RelaisExtension.businessOf(a).map(RelaisExtension.Business::source)
                .ifPresent(source -> d.add(new StringField(Fields.SOURCE_TYPE, source, Field.Store.YES)));
        index.upsert(o.id(), d);
    }

    private static void indexCommunity(Activity a, AsObject o, IndexGeneration index, Function<String, Instant> existing) {
        Document d = item(o.id(), ItemType.COMMUNITY, a, o, index, existing);
        // the description is what its owner typed, plain text (feed-service), not HTML: "R&D <Labs>" stays whole
        text(d, o.name(), o.summary() == null ? "" : o.summary());
        RelaisExtension ext = RelaisExtension.of(o);
        String visibility = ext.visibility().orElse("public").toLowerCase(Locale.ROOT);
        d.add(new StringField(Fields.VISIBILITY, visibility, Field.Store.YES));
        boolean archived = ext.archived().orElse(false);
        d.add(new StringField(Fields.ARCHIVED, Boolean.toString(archived), Field.Store.YES));
        if (o.name() != null) d.add(new TextField(Fields.SUGGEST, o.name(), Field.Store.NO));
        index.upsert(o.id(), d);
    }

    private static void indexPerson(Activity a, AsObject o, IndexGeneration index) {
        if (o.id() == null) return;
        RelaisExtension.PersonFields p = RelaisExtension.of(o).person();
        Document d = new Document();
        base(d, o.id(), ItemType.PERSON);
        // everyone in the organisation may find a colleague
        d.add(new StringField(Fields.AUDIENCE, Audience.ORGANISATION, Field.Store.NO));
        String name = firstNonBlank(o.name(), p.displayName().orElse(null), p.login().orElse(null), Iri.localId(o.id()));
        String jobTitle = firstNonBlank(p.title().orElse(null), o.summary());
        String department = p.department().orElse(null);
        String location = p.location().orElse(null);
        List<String> skills = p.skills();
        List<String> languages = p.languages();
        String bio = p.bio().orElse(null);
        String login = firstNonBlank(p.login().orElse(null), Iri.localId(o.id()));
        String body = join(jobTitle, department, location, String.join(", ", skills), String.join(", ", languages), bio);
        d.add(new StoredField(Fields.TITLE, name));
        indexText(d, name, body);
        d.add(new TextField(Fields.SUGGEST, join(name, login), Field.Store.NO));
        d.add(new StringField(Fields.LOGIN, login, Field.Store.YES));
        if (jobTitle != null) d.add(new StoredField(Fields.JOB_TITLE, jobTitle));
        if (department != null) d.add(new StringField(Fields.DEPARTMENT, department, Field.Store.YES));
        if (location != null) d.add(new StoredField(Fields.LOCATION, location));
        for (String s : skills) {
            d.add(new StringField(Fields.SKILL, s.toLowerCase(Locale.ROOT), Field.Store.NO));
            d.add(new StoredField(Fields.SKILLS_TEXT + "_stored", s));
        }
        if (!skills.isEmpty()) d.add(new TextField(Fields.SKILLS_TEXT, String.join(" , ", skills), Field.Store.NO));
        String status = p.status().orElse("active");
        d.add(new StringField(Fields.STATUS, status, Field.Store.YES));
        if (o.icon() != null && o.icon().url() != null) d.add(new StoredField(Fields.ICON, o.icon().url()));
        published(d, firstNonNull(o.published(), o.updated(), a.published(), Instant.now()));
        d.add(new SortedSetDocValuesFacetField(Fields.FACET_TYPE, ItemType.PERSON.key()));
        index.upsert(o.id(), d);
    }

    private static void indexReaction(Activity a, IndexGeneration index) {
        AsObject o = a.object();
        if (o == null || o.id() == null || a.id() == null) return;
        Document d = new Document();
        d.add(new StringField(Fields.KIND, Fields.KIND_REACTION, Field.Store.NO));
        d.add(new StringField(Fields.ID, a.id(), Field.Store.YES));
        d.add(new StringField(Fields.AUTHOR, a.actor(), Field.Store.YES));
        String root = a.target() != null ? a.target() : o.id();
        d.add(new StringField(Fields.TARGET, root, Field.Store.YES));
        d.add(new StringField(Fields.REACTED_TO, o.id(), Field.Store.YES));
        d.add(new StringField(Fields.REACTION, RelaisExtension.of(a).reaction().orElse("like"), Field.Store.YES));
        audience(d, a.audience(), false);
        published(d, firstNonNull(a.published(), Instant.now()));
        index.upsert(a.id(), d);
    }

    private static void indexMembership(Activity a, IndexGeneration index) {
        AsObject o = a.object();
        String community = a.target() != null && Iri.isKind(a.target(), Iri.COMMUNITY) ? a.target()
                : o != null ? o.id() : null;
        if (community == null || a.actor() == null) return;
        String id = membershipId(a.actor(), community);
        Document d = new Document();
        d.add(new StringField(Fields.KIND, Fields.KIND_MEMBERSHIP, Field.Store.NO));
        d.add(new StringField(Fields.ID, id, Field.Store.YES));
        d.add(new StringField(Fields.MEMBER, a.actor(), Field.Store.YES));
        d.add(new StringField(Fields.COMMUNITY, community, Field.Store.YES));
        d.add(new StringField(Fields.ROLE, RelaisExtension.of(a).role().orElse("member"), Field.Store.YES));
        published(d, firstNonNull(a.published(), Instant.now()));
        index.upsert(id, d);
    }

    /**
     * Keeps every Join and Leave (by activity id, so a replay writes the same documents): the membership
     * documents only say who belongs now, the analytics need who joined and left when.
     */
    private static void indexMembershipChange(Activity a, String change, IndexGeneration index) {
        AsObject o = a.object();
        String community = a.target() != null && Iri.isKind(a.target(), Iri.COMMUNITY) ? a.target()
                : o != null ? o.id() : null;
        if (community == null || a.actor() == null || a.id() == null) return;
        Document d = new Document();
        d.add(new StringField(Fields.KIND, Fields.KIND_MEMBERSHIP_CHANGE, Field.Store.NO));
        d.add(new StringField(Fields.ID, a.id(), Field.Store.YES));
        d.add(new StringField(Fields.MEMBER, a.actor(), Field.Store.YES));
        d.add(new StringField(Fields.COMMUNITY, community, Field.Store.YES));
        d.add(new StringField(Fields.CHANGE, change, Field.Store.YES));
        published(d, firstNonNull(a.published(), Instant.now()));
        index.upsert(a.id(), d);
    }

    /** The id of the marker saying that a post or card, and so its whole thread, is hidden by moderation. */
    public static String hiddenThreadId(String postIri) {
        return "hidden_thread|" + postIri;
    }

    /**
     * Marks a post's or card's thread hidden: one small document ({@link Fields#KIND_HIDDEN_THREAD}: its comments'
     * context, nothing about a person) that {@link HiddenThreads} turns into a filter at search time, and that keeps a
     * hidden card out when its system updates it ({@link #keptOut}). A restore lifts it, a Delete of the item takes it.
     */
    private static void hideThread(AsObject o, IndexGeneration index) {
        Document d = new Document();
        d.add(new StringField(Fields.KIND, Fields.KIND_HIDDEN_THREAD, Field.Store.NO));
        d.add(new StringField(Fields.ID, hiddenThreadId(o.id()), Field.Store.YES));
        d.add(new StringField(Fields.CONTEXT, o.id(), Field.Store.YES));
        // no author: an erasure of the post's author (relais.profiles) must not put its thread back in search before
        // feed-service's Delete of the post (relais.activities, later), which takes the marker with the thread
        index.upsertMarker(hiddenThreadId(o.id()), d);
    }


    /**
     * Keeps one document per person, opened item and UTC day ({@code _id} = opened|reader|day, so a replay or a second
     * View of that day writes the same document): who opened it, when, and the item's community ({@code target}).
     * No audience field, so no search ever finds it.
     */
    private static void indexView(Activity a, IndexGeneration index) {
        AsObject o = a.object();
        if (o == null || o.id() == null || a.actor() == null) return;
        Instant at = firstNonNull(a.published(), Instant.now());
        String id = viewId(o.id(), a.actor(), at);
        Document d = new Document();
        d.add(new StringField(Fields.KIND, Fields.KIND_VIEW, Field.Store.NO));
        d.add(new StringField(Fields.ID, id, Field.Store.YES));
        d.add(new StringField(Fields.READER, a.actor(), Field.Store.YES));
        d.add(new StringField(Fields.OPENED, o.id(), Field.Store.YES));
        if (a.target() != null && Iri.isKind(a.target(), Iri.COMMUNITY)) {
            d.add(new StringField(Fields.COMMUNITY, a.target(), Field.Store.YES));
        }
        published(d, at);
        index.upsert(id, d);
    }

    /** The key of a person's opens of an item on a UTC day. */
    public static String viewId(String opened, String reader, Instant at) {
        return "view|" + opened + "|" + reader + "|" + at.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** Removes an item and what hangs on it: a post's comments and hidden-thread marker, the reactions to either, and its opens. */
    private static void deleteItem(String id, IndexGeneration index) {
        BooleanQuery commentsOfPost = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ITEM)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.CONTEXT, id)), BooleanClause.Occur.FILTER).build();
        BooleanQuery reactions = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_REACTION)), BooleanClause.Occur.FILTER)
                .add(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Fields.TARGET, id)), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term(Fields.REACTED_TO, id)), BooleanClause.Occur.SHOULD).build(),
                        BooleanClause.Occur.FILTER).build();
        index.delete(new TermQuery(new Term(Fields.ID, id)), new TermQuery(new Term(Fields.ID, hiddenThreadId(id))),
                commentsOfPost, reactions, new TermQuery(new Term(Fields.OPENED, id)));
    }

    // ----- shared document parts

    private static Document item(String id, ItemType type, Activity a, AsObject o, IndexGeneration index,
                                 Function<String, Instant> existing) {
        Document d = new Document();
        base(d, id, type);
        d.add(new SortedSetDocValuesFacetField(Fields.FACET_TYPE, type.key()));
        String author = o.attributedTo() != null ? o.attributedTo()
                : (type == ItemType.EVENT || type == ItemType.DOCUMENT) ? null : a.actor();
        if (author != null) {
            d.add(new StringField(Fields.AUTHOR, author, Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField(Fields.FACET_AUTHOR, author));
        }
        Set<String> audience = new LinkedHashSet<>(a.audience());
        if (type == ItemType.COMMUNITY) {
            audience = new LinkedHashSet<>(o.audience().isEmpty() ? a.audience() : o.audience());
        }
        audience(d, audience, type != ItemType.COMMUNITY);
        if (type == ItemType.COMMUNITY) {
            d.add(new StringField(Fields.COMMUNITY, id, Field.Store.YES));
        }
        if (a.generator() != null && a.generator().name() != null && (type == ItemType.EVENT || type == ItemType.DOCUMENT)) {
            d.add(new StringField(Fields.SOURCE, a.generator().name(), Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField(Fields.FACET_SOURCE, a.generator().name()));
        }
        for (String h : new LinkedHashSet<>(o.hashtags())) {
            String tag = Iri.localId(h).toLowerCase(Locale.ROOT);
            d.add(new StringField(Fields.HASHTAG, tag, Field.Store.YES));
            d.add(new SortedSetDocValuesFacetField(Fields.FACET_HASHTAG, tag));
        }
        for (String m : new LinkedHashSet<>(o.mentions())) {
            d.add(new StringField(Fields.MENTION, Iri.localId(m).toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        Instant published = o.published();
        if (published == null && As2.UPDATE.equals(a.type())) published = existing.apply(id);
        published(d, firstNonNull(published, a.published(), Instant.now()));
        return d;
    }

    private static void base(Document d, String id, ItemType type) {
        d.add(new StringField(Fields.KIND, Fields.KIND_ITEM, Field.Store.NO));
        d.add(new StringField(Fields.ID, id, Field.Store.YES));
        d.add(new SortedDocValuesField(Fields.ID_SORT, new BytesRef(id)));
        d.add(new StringField(Fields.TYPE, type.key(), Field.Store.YES));
    }

    private static void audience(Document d, Collection<String> audience, boolean facet) {
        Set<String> communities = new LinkedHashSet<>();
        for (String address : audience) {
            if (address == null) continue;
            d.add(new StringField(Fields.AUDIENCE, address, Field.Store.YES));
            if (Iri.isKind(address, Iri.COMMUNITY)) communities.add(address);
        }
        for (String c : communities) {
            d.add(new StringField(Fields.COMMUNITY, c, Field.Store.YES));
            if (facet) d.add(new SortedSetDocValuesFacetField(Fields.FACET_COMMUNITY, c));
        }
    }

    private static void published(Document d, Instant at) {
        long ms = at.toEpochMilli();
        d.add(new LongPoint(Fields.PUBLISHED, ms));
        d.add(new NumericDocValuesField(Fields.PUBLISHED, ms));
        d.add(new StoredField(Fields.PUBLISHED, ms));
    }

    private static void text(Document d, String title, String body) {
        d.add(new StoredField(Fields.TITLE, title == null ? "" : title));
        indexText(d, title, body);
    }

    /** Title and body indexed in French, English and folded form; the body is stored once for snippets. */
    private static void indexText(Document d, String title, String body) {
        if (title != null && !title.isBlank()) {
            d.add(new Field(Fields.TITLE_FR, title, TEXT_WITH_OFFSETS));
            d.add(new Field(Fields.TITLE_EN, title, TEXT_WITH_OFFSETS));
            d.add(new Field(Fields.TITLE_PLAIN, title, TEXT_WITH_OFFSETS));
        }
        String b = body == null ? "" : body;
        d.add(new Field(Fields.CONTENT_FR, b, TEXT_WITH_OFFSETS));
        d.add(new Field(Fields.CONTENT_EN, b, TEXT_WITH_OFFSETS));
        d.add(new Field(Fields.CONTENT_PLAIN, b, TEXT_WITH_OFFSETS));
        d.add(new StoredField(Fields.BODY, b));
    }

    /**
     * Keeps an item's title and body apart in each language its text comes in ({@link Fields#LANGUAGES}), when it comes in
     * more than one (connector-service's cards have a French and an English title and summary): the indexed text holds
     * them all, run together, so a word of any language finds the item, but a hit is shown in one, its reader's.
     * A language that has a body but no title of its own (or the other way round) is given the item's whole one.
     */
    private static void languageTexts(Document d, Map<String, String> titles, String title, Map<String, String> bodies,
                                      String body) {
        Map<String, String> t = Languages.byKey(titles);
        Map<String, String> b = Languages.byKey(bodies);
        if (t.size() < 2 && b.size() < 2) return;
        Set<String> languages = new LinkedHashSet<>(b.keySet());
        for (String l : t.keySet()) if (languages.size() < Languages.MAX) languages.add(l);
        for (String l : languages) {
            d.add(new StoredField(Fields.LANGUAGES, l));
            d.add(new StoredField(Fields.titleIn(l), t.getOrDefault(l, title == null ? "" : title)));
            d.add(new StoredField(Fields.bodyIn(l), b.getOrDefault(l, body == null ? "" : body)));
        }
    }

    private static FieldType textWithOffsets() {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    private static String join(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) if (p != null && !p.isBlank()) kept.add(p.trim());
        return String.join("\n", kept);
    }

    private static String values(Map<String, String> m) {
        return m == null ? null : join(m.values().toArray(String[]::new));
    }

    private static String pick(Map<String, String> m) {
        if (m == null || m.isEmpty()) return null;
        return firstNonBlank(m.get("en"), m.get("fr"), m.values().iterator().next());
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }

}
