package io.relais.feed.announcement;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.scheduler.Scheduled;
import io.relais.events.Viewer;
import io.relais.feed.post.PostRequests;
import io.relais.feed.post.PostService;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * Organisation-wide announcements, pinned on every home feed until dismissed or expired. The active
 * ones are a small list in one board document ({@code announcement_board}, {@code _id} =
 * "organisation"); dismissals are one document per person. Both reads are by {@code _id}.
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

    public PostView publish(PostRequests.CreateAnnouncement request, CurrentPerson me) {
        Instant now = Instant.now();
        Instant expires = request.expires() == null ? now.plus(DEFAULT_LIFETIME) : request.expires();
        if (!expires.isAfter(now)) throw ProblemException.invalid("expires", "must be in the future");
        if (expires.isAfter(now.plus(MAX_LIFETIME))) throw ProblemException.invalid("expires", "must be within 90 days");
        if (active(now).size() >= MAX_ACTIVE) {
            throw ProblemException.conflict("at most " + MAX_ACTIVE + " announcements are active at once");
        }
        PostView post = posts.createAnnouncement(request, expires, me);
        board().updateOne(eq("_id", BOARD), Updates.push("items",
                new Document("post", post.id()).append("expires", Date.from(expires)).append("at", Date.from(now))),
                new UpdateOptions().upsert(true));
        return post;
    }

    /** Active announcements the person has not dismissed, newest first. */
    public List<PostView> activeFor(Viewer viewer, String personIri) {
        Set<String> dismissed = dismissedBy(personIri);
        List<String> ids = active(Instant.now()).stream().map(i -> i.getString("post"))
                .filter(p -> !dismissed.contains(p)).toList();
        return views.views(ids, viewer);
    }

    /**
     * The IRIs of the announcements the person dismissed (one read by {@code _id}): they leave that person's home
     * feed altogether, the pinned top and the timeline below it.
     */
    public Set<String> dismissedBy(String personIri) {
        Document d = dismissals().find(eq("_id", personIri)).first();
        return new HashSet<>(d == null ? List.of() : d.getList("posts", String.class, List.of()));
    }

    public void dismiss(String postId, CurrentPerson me, Viewer viewer) {
        String iri = ThreadAccess.postIri(postId);
        boolean isActive = active(Instant.now()).stream().anyMatch(i -> iri.equals(i.getString("post")));
        if (!isActive || views.view(iri, viewer).isEmpty()) throw ProblemException.notFound("announcement " + postId);
        dismissals().updateOne(eq("_id", me.iri()), Updates.addToSet("posts", iri), new UpdateOptions().upsert(true));
    }

    /** Expired announcements leave the board (the store has no working TTL index). */
    @Scheduled(every = "10m", delayed = "1m")
    void expire() {
        board().updateOne(eq("_id", BOARD), Updates.pull("items", new Document("expires", new Document("$lte", new Date()))));
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
