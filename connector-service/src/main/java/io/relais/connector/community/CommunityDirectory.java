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
 * Nor does an archived one ({@link #isArchived}): feed-service's archive is an {@code Update} of the group with
 * {@code relais.archived = true}, and a later {@code Update} with {@code false} opens it again.
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
        boolean archived = RelaisExtension.of(group).archived().orElse(false);
        Document existing = collection().find(new Document("_id", group.id())).first();
        // ignore an older snapshot arriving after a newer one (replay, redelivery)
        if (existing != null && existing.getDate("at") != null && activity.published() != null
                && existing.getDate("at").toInstant().isAfter(activity.published())) {
            return;
        }
        collection().replaceOne(new Document("_id", group.id()),
                new Document("_id", group.id()).append("visibility", visibility).append("archived", archived)
                        .append("at", Date.from(activity.published())), new ReplaceOptions().upsert(true));
    }

    /** A Create or Update whose subject is a community: the only records this directory reads. */
    static boolean aboutACommunity(EventHeaders announced) {
        return announced.isOneOf(As2.CREATE, As2.UPDATE) && announced.subjectIsKind(Iri.COMMUNITY);
    }

    /**
     * What feed-service announced of a community.
     *
     * @param visibility {@code public}, {@code private} or {@code secret}
     * @param archived   true once archived: the community takes no new cards
     */
    public record Announced(String visibility, boolean archived) {
    }

    /** Within a batch, each community is read once (a batch is usually addressed to one community). */
    private final BatchMemo<String, Optional<Announced>> batchMemo = new BatchMemo<>(this::read);

    /**
     * The visibility feed-service announced for a community ({@code public}, {@code private}, {@code secret}), or
     * empty when feed-service never announced it: such a community does not exist (yet), and nothing may be
     * addressed to it.
     */
    public Optional<String> visibility(String communityIri) {
        return batchMemo.get(communityIri).map(Announced::visibility);
    }

    /** Visibility and archive flag in one read; empty when feed-service never announced the community. */
    public Optional<Announced> announced(String communityIri) {
        return batchMemo.get(communityIri);
    }

    /**
     * Whether feed-service's latest word on this community is that it is archived: it takes no new cards, as it
     * takes no new posts. False for a community it never announced ({@link #visibility} refuses that one), and for
     * one learnt before this service kept the flag, until feed-service announces it again.
     */
    public boolean isArchived(String communityIri) {
        return batchMemo.get(communityIri).map(Announced::archived).orElse(false);
    }

    /** Whether feed-service announced this community as public (its cards are then cc'd to the organisation). */
    public boolean isPublic(String communityIri) {
        return visibility(communityIri).filter("public"::equals).isPresent();
    }

    /** Runs a batch's work with each community read at most once; the memo ends with the batch. */
    public <T> T oncePerBatch(Supplier<T> work) {
        return batchMemo.during(work);
    }

    private Optional<Announced> read(String communityIri) {
        Document d = collection().find(new Document("_id", communityIri)).first();
        return d == null || d.getString("visibility") == null ? Optional.empty()
                : Optional.of(new Announced(d.getString("visibility"), d.getBoolean("archived", false)));
    }

    /** For tests and seeds: what the directory knows of a community. */
    public Map<String, Object> describe(String communityIri) {
        Document d = collection().find(new Document("_id", communityIri)).first();
        return d == null ? Map.of() : Map.of("visibility", d.getString("visibility"), "archived", d.getBoolean("archived", false));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
