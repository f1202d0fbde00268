package io.relais.feed.activity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.ActivityJson;
import io.relais.events.Iri;
import io.relais.kit.messaging.ActivityBatches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps every activity of {@code relais.activities} by its id, as its record's JSON (the value its producer wrote,
 * parsed and checked by {@link ActivityBatches}, not written out again), read with the notifications in one consumer
 * group ({@link io.relais.feed.consumer.ActivityConsumers}). A poll is one unordered {@code insertMany}:
 * a replayed activity is already kept and its duplicate key is passed over, so a replay rewrites nothing. A record
 * that is not a valid activity goes to the dead-letter topic with the reason. A {@code View} (who opened what,
 * issue 15) is not kept: it is addressed to nobody, and reading behaviour is counted by search-service's analytics only.
 * <p>
 * An erasure ({@link #forget}) removes every kept activity naming the erased person (theirs, and others' about them:
 * follows, invitations, mentions, reactions to their words) and remembers the person in {@code activity_log_erasures}
 * ({@code _id} = person IRI), so what their erasure publishes afterwards (the Undo of their reactions, their Leaves) and
 * any replay of the topic are never kept either: one {@code _id $in} read per poll, of the people the poll names.
 */
@ApplicationScoped
public class ActivityLog {

    static final String COLLECTION = "activities";
    /** People erased: {@code _id} = person IRI, {@code at}; never kept again, whatever the topic replays. */
    static final String ERASURES = "activity_log_erasures";
    /** A person's IRI as it stands in an activity's JSON: a whole string value (logins hold no quote nor backslash). */
    private static final Pattern PERSON = Pattern.compile("\"(" + Pattern.quote(Iri.PREFIX + Iri.PERSON + ":") + "[^\"\\\\]+)\"");

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /**
     * Keeps a poll's activities (in log order, each with its record's JSON) in one unordered {@code insertMany}; a View
     * is not kept, nor an activity naming an erased person. Applied by the notifications consumer after notifications
     * ({@link io.relais.feed.consumer.ActivityConsumers}).
     */
    public void keep(List<ActivityBatches.Read> activities) {
        List<Document> docs = new ArrayList<>(activities.size());
        Set<String> seen = new HashSet<>();
        for (ActivityBatches.Read a : activities) {
            if (As2.VIEW.equals(a.activity().type())) continue;
            if (seen.add(a.activity().id())) docs.add(new Document("_id", a.activity().id()).append("json", a.json()));
        }
        docs.removeIf(namingErased(docs));
        if (docs.isEmpty()) return;
        try {
            collection().insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (var error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e; // kept already: a replay
            }
        }
    }

    /** Which of these documents name a person who was erased (one {@code _id $in} read of the people they name). */
    private Predicate<Document> namingErased(List<Document> docs) {
        Set<String> named = new HashSet<>();
        for (Document d : docs) named.addAll(people(d.getString("json")));
        if (named.isEmpty()) return d -> false;
        Set<String> erased = new HashSet<>();
        mongo.getDatabase(database).getCollection(ERASURES).find(Filters.in("_id", named))
                .projection(new Document("_id", 1)).forEach(e -> erased.add(e.getString("_id")));
        if (erased.isEmpty()) return d -> false;
        return d -> people(d.getString("json")).stream().anyMatch(erased::contains);
    }

    private static Set<String> people(String json) {
        Set<String> out = new HashSet<>();
        Matcher m = PERSON.matcher(json);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /**
     * Erasure (issue 15): forgets every kept activity in which {@code personIri} is a JSON string value (actor,
     * object, attributedTo, target, audience, mention tags) and refuses those that arrive later; answers how many were
     * removed. A scan of the log (the store indexes {@code _id} only): an erasure is rare, reads of the log stay keyed.
     * Repeatable. The marker is kept for good (a replay of the topic must not bring them back), so a login given again
     * to someone new after an erasure has no activity log here.
     */
    public long forget(String personIri) {
        mongo.getDatabase(database).getCollection(ERASURES).replaceOne(new Document("_id", personIri),
                new Document("_id", personIri).append("at", new Date()), new ReplaceOptions().upsert(true));
        return collection().deleteMany(Filters.regex("json", Pattern.quote("\"" + personIri + "\""))).getDeletedCount();
    }

    public Optional<Activity> find(String activityIri) {
        Document d = collection().find(new Document("_id", activityIri)).first();
        return Optional.ofNullable(d).map(doc -> ActivityJson.read(doc.getString("json")));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
