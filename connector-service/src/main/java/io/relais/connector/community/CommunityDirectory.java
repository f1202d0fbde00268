package io.relais.connector.community;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import io.relais.events.Activity;
import io.relais.kit.messaging.EventHeaders;
import io.relais.kit.messaging.SourceCheck;
import io.relais.kit.store.BatchMemo;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Iri;
import io.relais.events.RelaisExtension;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The visibility of each community, learnt from the community activities on {@code relais.activities}
 * ({@code _id} = community IRI, an upsert: replays change nothing). A card for a public community is
 * cc'd to the organisation like a public post; for a private or secret community it is addressed to the community
 * only, so it never shows more widely than the community allows. A community this directory has never heard of
 * gets no card at all ({@link #visibility}): whoever later created that slug would own every card sent to it.
 */
@ApplicationScoped
public class CommunityDirectory {

    static final String COLLECTION = "communities";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Incoming("activities")
    @Blocking
    public void onActivity(ConsumerRecord<String, String> record) {
        // nearly every record is something else (this service's own cards, posts, reactions): passed over unread when
        // its headers announce it; a record that does not announce itself is read and checked in full
        if (EventHeaders.skippable(record.headers(), CommunityDirectory::aboutACommunity)) return;
        Activity activity = SourceCheck.activity(record); // community settings are believed from feed-service only
        AsObject group = activity.object();
        if (!(As2.CREATE.equals(activity.type()) || As2.UPDATE.equals(activity.type()))
                || group == null || !As2.GROUP.equals(group.type()) || !Iri.isKind(group.id(), Iri.COMMUNITY)) {
            return;
        }
        String visibility = RelaisExtension.of(group).visibility().orElse("private"); // unknown: the narrowest
        Document existing = collection().find(new Document("_id", group.id())).first();
        // ignore an older snapshot arriving after a newer one (replay, redelivery)
        if (existing != null && existing.getDate("at") != null && activity.published() != null
                && existing.getDate("at").toInstant().isAfter(activity.published())) {
            return;
        }
        collection().replaceOne(new Document("_id", group.id()),
                new Document("_id", group.id()).append("visibility", visibility)
                        .append("at", Date.from(activity.published())), new ReplaceOptions().upsert(true));
    }

    /** A Create or Update whose subject is a community: the only records this directory reads. */
    static boolean aboutACommunity(EventHeaders announced) {
        return announced.isOneOf(As2.CREATE, As2.UPDATE) && announced.subjectIsKind(Iri.COMMUNITY);
    }

    /** Within a batch, each community is read once (a batch is usually addressed to one community). */
    private final BatchMemo<String, Optional<String>> batchMemo = new BatchMemo<>(this::readVisibility);

    /**
     * The visibility feed-service announced for a community ({@code public}, {@code private}, {@code secret}), or
     * empty when feed-service never announced it: such a community does not exist (yet), and nothing may be
     * addressed to it.
     */
    public Optional<String> visibility(String communityIri) {
        return batchMemo.get(communityIri);
    }

    /** Whether feed-service announced this community as public (its cards are then cc'd to the organisation). */
    public boolean isPublic(String communityIri) {
        return visibility(communityIri).filter("public"::equals).isPresent();
    }

    /** Runs a batch's work with each community read at most once; the memo ends with the batch. */
    public <T> T oncePerBatch(Supplier<T> work) {
        return batchMemo.during(work);
    }

    private Optional<String> readVisibility(String communityIri) {
        Document d = collection().find(new Document("_id", communityIri)).first();
        return d == null ? Optional.empty() : Optional.ofNullable(d.getString("visibility"));
    }

    /** For tests and seeds: what the directory knows of a community. */
    public Map<String, Object> describe(String communityIri) {
        Document d = collection().find(new Document("_id", communityIri)).first();
        return d == null ? Map.of() : Map.of("visibility", d.getString("visibility"));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
