package io.relais.feed.comment;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Tag;
import io.relais.events.Viewer;
import io.relais.feed.community.MembershipService;
import io.relais.feed.post.PostService;
import io.relais.feed.post.PostStore;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.feed.reaction.ReactionService;
import io.relais.feed.sanitize.TextPipeline;
import io.relais.feed.sanitize.InputLimits;
import io.relais.feed.sanitize.WrittenText;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * Comments and replies. A thread is the root post's comments in the order they were written: each
 * comment gets the next position from the post document's counter, and the thread's buckets
 * ({@code threads}, {@code _id} = post IRI + "#" + position / {@value #PER_BUCKET}) list the comment ids by
 * position. A page is read by {@code _id} only: the buckets it spans, then the comments.
 */
@ApplicationScoped
public class CommentService {

    static final int PER_BUCKET = 50;
    static final int FIRST_COMMENTS = 2;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    PostService posts;

    @Inject
    PostStore postStore;

    @Inject
    MembershipService memberships;

    @Inject
    ProfileDirectory profiles;

    @Inject
    ReactionService reactions;

    @Inject
    TextPipeline pipeline;

    @Inject
    InputLimits limits;

    @Inject
    Outbox outbox;

    public record Page(List<CommentView> comments, String next) {
    }

    void declareIndexes(@Observes StartupEvent e) {
        comments().createIndex(Indexes.ascending("post", "position"));
        comments().createIndex(Indexes.ascending("author"));
    }

    public CommentView add(String postId, CommentRequests.AddComment request, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Document root = posts.visibleDocument(PostService.postIri(postId), viewer);
        String rootIri = root.getString("_id");
        String parent = rootIri;
        if (request.inReplyTo() != null && !request.inReplyTo().isBlank()) {
            Document replied = findComment(request.inReplyTo());
            if (replied == null || !rootIri.equals(replied.getString("post")) || replied.getBoolean("deleted", false)) {
                throw ProblemException.invalid("inReplyTo", "must be a comment of this post");
            }
            parent = replied.getString("_id");
        }
        WrittenText text = WrittenText.of(request.content(), limits.commentLength(), limits, pipeline, "content");
        String iri = Iri.comment(EventId.next());
        Document counters = postStore.updateAndGet(rootIri,
                Updates.combine(Updates.inc("commentsAppended", 1), Updates.inc("commentCount", 1)));
        long position = PostService.number(counters, "commentsAppended") - 1;
        Instant now = Instant.now();
        Document c = new Document("_id", iri).append("post", rootIri).append("inReplyTo", parent)
                .append("author", me.iri()).append("content", text.html()).append("source", text.source()).append("mentions", text.mentionIris())
                .append("hashtags", text.hashtagIris()).append("to", PostService.strings(root, "to"))
                .append("cc", PostService.strings(root, "cc")).append("community", root.getString("community"))
                .append("reactions", new Document()).append("position", position).append("created", Date.from(now))
                .append("deleted", false);
        comments().insertOne(c);
        threads().updateOne(eq("_id", bucketId(rootIri, position / PER_BUCKET)),
                Updates.push("e", new Document("p", position).append("id", iri)), new UpdateOptions().upsert(true));
        outbox.append(Activity.builder().type(As2.CREATE).actor(me.iri()).object(asObject(c))
                .to(PostService.strings(c, "to")).cc(PostService.strings(c, "cc")).published(now).build());
        return views(List.of(c), viewer).get(0);
    }

    public CommentView edit(String postId, String commentId, CommentRequests.EditComment request, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Document c = visibleComment(postId, commentId, viewer);
        if (!me.iri().equals(c.getString("author"))) throw ProblemException.forbidden("only the author edits a comment");
        WrittenText text = WrittenText.of(request.content(), limits.commentLength(), limits, pipeline, "content");
        Instant now = Instant.now();
        comments().updateOne(eq("_id", c.getString("_id")), Updates.combine(Updates.set("content", text.html()),
                Updates.set("source", text.source()), Updates.set("mentions", text.mentionIris()), Updates.set("hashtags", text.hashtagIris()),
                Updates.set("edited", Date.from(now))));
        Document after = comments().find(eq("_id", c.getString("_id"))).first();
        outbox.append(Activity.builder().type(As2.UPDATE).actor(me.iri()).object(asObject(after))
                .to(PostService.strings(after, "to")).cc(PostService.strings(after, "cc")).published(now).build());
        return views(List.of(after), viewer).get(0);
    }

    /** The author, the community's owners and moderators, and admins delete a comment. */
    public void delete(String postId, String commentId, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Document c = visibleComment(postId, commentId, viewer);
        if (!posts.mayModerate(c, me)) throw ProblemException.forbidden("only the author, community moderators or admins delete a comment");
        Instant now = Instant.now();
        // the before-image says whether this call deleted it: two parallel deletes lower the count once
        Document before = comments().findOneAndUpdate(eq("_id", c.getString("_id")), Updates.combine(Updates.set("deleted", true),
                Updates.set("content", ""), Updates.set("source", ""), Updates.set("deletedAt", Date.from(now))));
        if (before == null || before.getBoolean("deleted", false)) return;
        postStore.update(c.getString("post"), Updates.inc("commentCount", -1));
        AsObject tombstone = AsObject.builder().id(c.getString("_id")).type(As2.TOMBSTONE).formerType(As2.NOTE)
                .context(c.getString("post")).deleted(now).build();
        outbox.append(Activity.builder().type(As2.DELETE).actor(me.iri()).object(tombstone)
                .to(PostService.strings(c, "to")).cc(PostService.strings(c, "cc")).published(now).build());
    }

    /** The comment if it belongs to that post and the viewer sees the post; 404 otherwise. */
    public Document visibleComment(String postId, String commentId, Viewer viewer) {
        Document root = posts.visibleDocument(PostService.postIri(postId), viewer);
        Document c = findComment(commentId);
        if (c == null || c.getBoolean("deleted", false) || !root.getString("_id").equals(c.getString("post"))) {
            throw ProblemException.notFound("comment " + commentId);
        }
        return c;
    }

    /** One page of a thread the caller has checked the viewer may see. Cursor = next position, opaque. */
    public Page page(String rootIri, String cursor, int limit, Viewer viewer) {
        long from = decode(cursor);
        Document root = postStore.find(rootIri).orElseThrow();
        long total = PostService.number(root, "commentsAppended");
        long to = Math.min(total, from + limit);
        if (from >= to) return new Page(List.of(), null);
        List<String> bucketIds = new ArrayList<>();
        for (long b = from / PER_BUCKET; b <= (to - 1) / PER_BUCKET; b++) bucketIds.add(bucketId(rootIri, b));
        List<Document> entries = new ArrayList<>();
        for (Document bucket : threads().find(Filters.in("_id", bucketIds))) {
            for (Document e : bucket.getList("e", Document.class, List.of())) {
                long p = PostService.number(e, "p");
                if (p >= from && p < to) entries.add(e);
            }
        }
        entries.sort(Comparator.comparingLong(e -> PostService.number(e, "p")));
        List<Document> docs = load(entries.stream().map(e -> e.getString("id")).toList());
        return new Page(views(docs, viewer), to < total ? encode(to) : null);
    }

    /** The first comments of each post, for feed cards: one read of first buckets, one of comments. */
    public Map<String, List<CommentView>> firstComments(List<Document> postDocs, Viewer viewer) {
        List<String> bucketIds = postDocs.stream().filter(d -> PostService.number(d, "commentCount") > 0)
                .map(d -> bucketId(d.getString("_id"), 0)).toList();
        Map<String, List<CommentView>> out = new HashMap<>();
        if (bucketIds.isEmpty()) return out;
        List<String> candidateIds = new ArrayList<>();
        for (Document bucket : threads().find(Filters.in("_id", bucketIds))) {
            bucket.getList("e", Document.class, List.of()).stream()
                    .sorted(Comparator.comparingLong(e -> PostService.number(e, "p")))
                    .limit(FIRST_COMMENTS + 3) // a few spares in case early ones were deleted
                    .forEach(e -> candidateIds.add(e.getString("id")));
        }
        for (CommentView v : views(load(candidateIds), viewer)) {
            List<CommentView> list = out.computeIfAbsent(v.post(), k -> new ArrayList<>());
            if (list.size() < FIRST_COMMENTS) list.add(v);
        }
        return out;
    }

    /** Comments in the given order, deleted ones left out. */
    private List<Document> load(List<String> ids) {
        if (ids.isEmpty()) return List.of();
        Map<String, Document> byId = new HashMap<>();
        for (Document d : comments().find(Filters.in("_id", ids))) byId.put(d.getString("_id"), d);
        List<Document> out = new ArrayList<>();
        for (String id : ids) {
            Document d = byId.get(id);
            if (d != null && !d.getBoolean("deleted", false)) out.add(d);
        }
        return out;
    }

    public Document findComment(String idOrIri) {
        String iri;
        try {
            iri = idOrIri.startsWith(Iri.PREFIX) ? idOrIri : Iri.comment(idOrIri);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return Iri.isKind(iri, Iri.COMMENT) ? comments().find(eq("_id", iri)).first() : null;
    }

    /** Moves a comment's reaction counters ({@code $inc} of {@code reactions.<kind>}) in one write. */
    public void count(String commentIri, org.bson.conversions.Bson counters) {
        comments().updateOne(eq("_id", commentIri), counters);
    }

    private List<CommentView> views(List<Document> docs, Viewer viewer) {
        Set<String> authors = new LinkedHashSet<>();
        docs.forEach(d -> authors.add(d.getString("author")));
        Map<String, PersonSummary> people = profiles.displaysOf(authors);
        Map<String, String> mine = reactions.myReactions(docs.stream().map(d -> d.getString("_id")).toList(), viewer.person());
        return docs.stream().map(d -> new CommentView(d.getString("_id"), d.getString("post"), d.getString("inReplyTo"),
                people.get(d.getString("author")), d.getString("content"), d.getString("source"), PostService.strings(d, "mentions"),
                PostService.strings(d, "hashtags"), PostService.counts(d), mine.get(d.getString("_id")),
                PostService.instant(d, "created"), PostService.instant(d, "edited"))).toList();
    }

    static AsObject asObject(Document c) {
        List<Tag> tags = new ArrayList<>();
        PostService.strings(c, "mentions").forEach(m -> tags.add(Tag.mention(m, Iri.localId(m))));
        PostService.strings(c, "hashtags").forEach(h -> tags.add(Tag.hashtag(Iri.localId(h))));
        return AsObject.builder().id(c.getString("_id")).type(As2.NOTE).attributedTo(c.getString("author"))
                .content(c.getString("content")).inReplyTo(c.getString("inReplyTo")).context(c.getString("post"))
                .tag(tags).to(PostService.strings(c, "to")).cc(PostService.strings(c, "cc"))
                .published(PostService.instant(c, "created")).updated(PostService.instant(c, "edited")).build();
    }

    private static String bucketId(String rootIri, long bucket) {
        return rootIri + "#" + bucket;
    }

    private static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) return 0;
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith("c")) throw new IllegalArgumentException();
            long p = Long.parseLong(s.substring(1));
            if (p < 0) throw new IllegalArgumentException();
            return p;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }

    private MongoCollection<Document> comments() {
        return mongo.getDatabase(database).getCollection("comments");
    }

    private MongoCollection<Document> threads() {
        return mongo.getDatabase(database).getCollection("threads");
    }
}
