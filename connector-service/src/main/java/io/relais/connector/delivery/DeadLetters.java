package io.relais.connector.delivery;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.relais.events.Topics;
import io.relais.kit.messaging.CloudEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Events accepted but not publishable because their mapping failed. Each one is kept in the store
 * ({@code _id} = receipt id, listed and replayed through the admin API) and written to the
 * {@code relais.connector.dlq} topic with its reason in the {@code dead-letter-reason} header (the same
 * header SmallRye's dead-letter queues use), for operators' tooling.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    static final String COLLECTION = "dead_letters";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    CloudEventPublisher publisher;

    void declareIndexes(@Observes StartupEvent event) {
        // the listing filters open letters newest first; a real MongoDB uses this index (the embedded store scans)
        collection().createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("at")));
    }

    public void add(DeadLetter letter, String ceSource) {
        collection().replaceOne(Filters.eq("_id", letter.id()), letter.toDocument(), new ReplaceOptions().upsert(true));
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CONNECTOR_DLQ, letter.id(), utf8(letter.event()));
            record.headers().add(new RecordHeader("dead-letter-reason", utf8(letter.reason())));
            record.headers().add(new RecordHeader("ce_source", utf8(ceSource)));
            record.headers().add(new RecordHeader("relais-client-id", utf8(letter.clientId())));
            record.headers().add(new RecordHeader("content-type", utf8("application/json")));
            publisher.send(record).whenComplete((m, e) -> {
                if (e != null) LOG.warnf("dead letter %s kept in the store only: %s", letter.id(), e.getMessage());
            });
        } catch (RuntimeException e) {
            LOG.warnf("dead letter %s kept in the store only: %s", letter.id(), e.getMessage());
        }
    }

    public Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first()).map(DeadLetter::fromDocument);
    }

    /** Newest first; a dead-letter list stays short in a healthy system, so the scan stays cheap. */
    public List<DeadLetter> list(Optional<String> source, boolean includeReplayed, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (!includeReplayed) filters.add(Filters.eq("status", DeadLetter.OPEN));
        source.ifPresent(s -> filters.add(Filters.eq("source", s)));
        List<DeadLetter> out = new ArrayList<>();
        collection().find(filters.isEmpty() ? new Document() : Filters.and(filters)).sort(Sorts.descending("at"))
                .limit(limit).forEach(d -> out.add(DeadLetter.fromDocument(d)));
        return out;
    }

    public void markReplayed(String id) {
        collection().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", DeadLetter.REPLAYED),
                Updates.set("replayedAt", Date.from(Instant.now()))));
    }

    public void updateReason(String id, String reason) {
        collection().updateOne(Filters.eq("_id", id), Updates.set("reason", reason));
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }


    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
