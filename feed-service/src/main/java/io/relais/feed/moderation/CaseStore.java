package io.relais.feed.moderation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code moderation_cases} collection: what a queue shows, one document per reported or held object,
 * {@code {_id: object IRI, kind: post|comment, post: root post IRI, community, author, open, openReports,
 * reasons: {spam: 2, …}, comments: [last reporters' words], held: rule term, firstReported, lastReported, decided,
 * hiddenAs: organisation|community}}. Counters cover the open round only: a decision closes the case and clears them, a
 * new report reopens it. {@code hiddenAs} is kept while a moderator's hide stands (see {@link #close}); cases closed
 * before it was kept have none.
 * Queues are read by scanning the open cases: moderation volumes are small, and the per-community filter is
 * what a real MongoDB would answer from the declared index.
 */
@ApplicationScoped
public class CaseStore {

    /** {@code hiddenAs}: a {@code community-manager} or an {@code admin} hid the object. */
    public static final String HIDDEN_AS_ORGANISATION = "organisation";
    /** {@code hiddenAs}: one of its community's owners or moderators, holding neither role, hid the object. */
    public static final String HIDDEN_AS_COMMUNITY = "community";

    /** How many reporters' comments a case keeps (the newest). */
    static final int COMMENTS_KEPT = 10;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    void declareIndexes(@Observes StartupEvent e) {
        collection().createIndex(Indexes.ascending("open", "community", "lastReported"));
    }

    /** Counts one new report into the object's case, opening it if needed. */
    public void addReport(ModeratedItem item, String reason, String comment, Date at) {
        List<Bson> updates = new ArrayList<>(List.of(identity(item), Updates.setOnInsert("firstReported", at),
                Updates.set("open", true), Updates.set("lastReported", at), Updates.inc("openReports", 1),
                Updates.inc("reasons." + reason, 1)));
        if (comment != null) {
            updates.add(Updates.pushEach("comments", List.of(comment), new com.mongodb.client.model.PushOptions().slice(-COMMENTS_KEPT)));
        }
        collection().updateOne(eq("_id", item.iri()), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /** Opens a case for an object a keyword rule held (no reporter). */
    public void addHold(ModeratedItem item, String term, Date at) {
        collection().updateOne(eq("_id", item.iri()), Updates.combine(identity(item), Updates.setOnInsert("firstReported", at),
                Updates.set("open", true), Updates.set("lastReported", at), Updates.set("held", term)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Closes the object's case after a decision and clears the counters of the round; an object nobody reported gets
     * its (closed) case here, so a direct hide is listed in the hidden queue like a reported one. {@code hiddenAs}
     * ({@link #HIDDEN_AS_ORGANISATION}, {@link #HIDDEN_AS_COMMUNITY}) is the authority a hide was decided with (who may
     * restore it depends on it: {@link ModeratedItems#refusal}); null for any other decision, which clears it.
     */
    public void close(ModeratedItem item, Date decided, String hiddenAs) {
        collection().updateOne(eq("_id", item.iri()), Updates.combine(identity(item), Updates.setOnInsert("firstReported", decided),
                Updates.setOnInsert("lastReported", decided), Updates.set("decided", decided), Updates.set("open", false),
                Updates.set("openReports", 0), Updates.set("reasons", new Document()), Updates.set("comments", List.of()),
                Updates.unset("held"), hiddenAs == null ? Updates.unset("hiddenAs") : Updates.set("hiddenAs", hiddenAs)),
                new UpdateOptions().upsert(true));
    }

    /**
     * Replaces the reporters' comments of an existing case (an erasure takes one out); creates no case. The counters
     * are left as they are: a report still counts once its reporter is erased.
     */
    public void replaceComments(String objectIri, List<String> comments) {
        collection().updateOne(eq("_id", objectIri), Updates.set("comments", comments));
    }

    public Optional<Document> find(String objectIri) {
        return Optional.ofNullable(collection().find(eq("_id", objectIri)).first());
    }

    /** Open cases, most recently reported first; of one community, or of all when {@code communityIri} is null. */
    public List<Document> open(String communityIri) {
        Bson filter = communityIri == null ? eq("open", true) : Filters.and(eq("open", true), eq("community", communityIri));
        return collection().find(filter).sort(Sorts.descending("lastReported")).into(new ArrayList<>());
    }

    /**
     * Closed cases, most recently reported first; of one community, or of all when {@code communityIri} is null. Whether
     * the object is hidden now is on the object itself ({@code ModerationMark}), not here.
     */
    public List<Document> closed(String communityIri) {
        Bson filter = communityIri == null ? eq("open", false) : Filters.and(eq("open", false), eq("community", communityIri));
        return collection().find(filter).sort(Sorts.descending("lastReported")).into(new ArrayList<>());
    }

    private static Bson identity(ModeratedItem item) {
        return Updates.combine(Updates.setOnInsert("kind", item.kind()), Updates.setOnInsert("post", item.postIri()),
                Updates.setOnInsert("community", item.community()), Updates.setOnInsert("author", item.author()));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("moderation_cases");
    }
}
