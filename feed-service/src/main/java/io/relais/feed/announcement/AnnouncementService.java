package io.relais.feed.announcement;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.scheduler.Scheduled;
import io.relais.events.Viewer;
import io.relais.feed.post.PostRequests;
import io.relais.feed.post.PostService;
import io.relais.feed.readcache.ReadCaches;
import io.relais.feed.thread.ThreadAccess;
import io.relais.feed.threadview.PostViews;
import io.relais.feed.threadview.PostView;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * Organisation-wide announcements, pinned on every home feed until dismissed or expired. The active
 * ones are a small list in one board document ({@code announcement_board}, {@code _id} =
 * "organisation"); dismissals are one document per person. Both reads are by {@code _id}, and what home reads
 * ask ({@link #activeFor}, {@link #dismissedBy}) is kept in this replica's {@link ReadCaches}: the board until
 * an announcement is published or expires here, or a post's Create, Update or Delete is heard (an announcement is
 * a post); a person's dismissals until they dismiss one on this replica, or {@code feed.read-cache.ttl} for a
 * dismissal made through another replica (nothing announces a dismissal).
 */
@ApplicationScoped
public class AnnouncementService {

    static final String BOARD = "organisation";
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(14);
    static final Duration MAX_LIFETIME = Duration.ofDays(90);
    static final int MAX_ACTIVE = 20;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    PostService posts;

    @Inject
    PostViews views;

    @Inject
    ReadCaches caches;

    /** One announcement on the board. */
    record Item(String post, Instant expires, Instant at) {
    }

    private void changed(String key) {
        if (caches != null) caches.changed(key);
    }

    public PostView publish(PostRequests.CreateAnnouncement request, CurrentPerson me) {
        Instant now = Instant.now();
        Instant expires = request.expires() == null ? now.plus(DEFAULT_LIFETIME) : request.expires();
        if (!expires.isAfter(now)) throw ProblemException.invalid("expires", "must be in the future");
        if (expires.isAfter(now.plus(MAX_LIFETIME))) throw ProblemException.invalid("expires", "must be within 90 days");
        if (active(now).size() >= MAX_ACTIVE) {
            throw ProblemException.conflict("at most " + MAX_ACTIVE + " announcements are active at once");
        }
        PostView post = posts.createAnnouncement(request, expires, me);
        try {
            board().updateOne(eq("_id", BOARD), Updates.push("items",
                    new Document("post", post.id()).append("expires", Date.from(expires)).append("at", Date.from(now))),
                    new UpdateOptions().upsert(true));
        } finally {
            changed(ReadCaches.ANNOUNCEMENT_BOARD);
        }
        return post;
    }

    /** Active announcements the person has not dismissed, newest first. */
    public List<PostView> activeFor(Viewer viewer, String personIri) {
        Set<String> dismissed = dismissedBy(personIri);
        Instant now = Instant.now();
        List<String> ids = boardItems().stream().filter(i -> i.expires().isAfter(now)).map(Item::post)
                .filter(p -> !dismissed.contains(p)).toList();
        return views.views(ids, viewer);
    }

    /** The board's items, newest first, expired ones included (the caller compares with the time of its read). */
    private List<Item> boardItems() {
        if (caches == null) return readBoard();
        return caches.<List<Item>>named("announcements", 1).get(ReadCaches.ANNOUNCEMENT_BOARD, k -> readBoard());
    }

    private List<Item> readBoard() {
        Document b = board().find(eq("_id", BOARD)).first();
        List<Item> items = new ArrayList<>();
        for (Document i : b == null ? List.<Document>of() : b.getList("items", Document.class, List.of())) {
            items.add(new Item(i.getString("post"), i.getDate("expires").toInstant(), i.getDate("at").toInstant()));
        }
        items.sort(Comparator.comparing(Item::at).reversed());
        return List.copyOf(items);
    }

    /**
     * The IRIs of the announcements the person dismissed (one read by {@code _id}): they leave that person's home
     * feed altogether, the pinned top and the timeline below it.
     */
    public Set<String> dismissedBy(String personIri) {
        if (caches == null) return readDismissed(personIri);
        return caches.<Set<String>>named("dismissals", caches.maxPeople()).get(dismissalsKey(personIri), k -> readDismissed(personIri));
    }

    private Set<String> readDismissed(String personIri) {
        Document d = dismissals().find(eq("_id", personIri)).first();
        return Set.copyOf(d == null ? List.of() : d.getList("posts", String.class, List.of()));
    }

    /** Dismissals are cached under a key of their own: nothing a person does elsewhere changes them. */
    private static String dismissalsKey(String personIri) {
        return personIri + "#dismissed";
    }

    public void dismiss(String postId, CurrentPerson me, Viewer viewer) {
        String iri = ThreadAccess.postIri(postId);
        boolean isActive = active(Instant.now()).stream().anyMatch(i -> iri.equals(i.getString("post")));
        if (!isActive || views.view(iri, viewer).isEmpty()) throw ProblemException.notFound("announcement " + postId);
        try {
            dismissals().updateOne(eq("_id", me.iri()), Updates.addToSet("posts", iri), new UpdateOptions().upsert(true));
        } finally {
            changed(dismissalsKey(me.iri()));
        }
    }

    /** Expired announcements leave the board (the store has no working TTL index). */
    @Scheduled(every = "10m", delayed = "1m")
    void expire() {
        board().updateOne(eq("_id", BOARD), Updates.pull("items", new Document("expires", new Document("$lte", new Date()))));
        changed(ReadCaches.ANNOUNCEMENT_BOARD);
    }

    private List<Document> active(Instant now) {
        Document b = board().find(eq("_id", BOARD)).first();
        List<Document> items = new ArrayList<>(b == null ? List.of() : b.getList("items", Document.class, List.of()));
        items.removeIf(i -> !i.getDate("expires").toInstant().isAfter(now));
        items.sort(Comparator.comparing((Document i) -> i.getDate("at")).reversed());
        return items;
    }

    private MongoCollection<Document> board() {
        return mongo.getDatabase(database).getCollection("announcement_board");
    }

    private MongoCollection<Document> dismissals() {
        return mongo.getDatabase(database).getCollection("announcement_dismissals");
    }
}
