package io.relais.kit.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.relais.events.EventId;
import io.relais.testing.EmbeddedStore;
import io.relais.testing.KafkaBroker;
import io.relais.testing.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several replicas of a service, each with its own {@link OutboxRelay}, share one outbox: the lease makes one of
 * them publish, each record once and in order, and lets another take over when the holder dies. Real embedded
 * store and in-process Kafka broker; the lease's clock is the test's where time matters.
 */
class OutboxLeaseTest {

    private static final int KEYS = 6;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private MongoDatabase database;
    private MongoCollection<Document> outbox;
    private String topic;

    @BeforeEach
    void freshServiceDatabaseAndTopic() {
        MongoClient mongo = MongoClients.create(EmbeddedStore.shared().connectionString());
        closeables.add(mongo);
        database = mongo.getDatabase("lease-" + UUID.randomUUID());
        outbox = database.getCollection(OutboxRecord.COLLECTION);
        topic = "outbox-lease-" + UUID.randomUUID();
        KafkaBroker.shared().createTopic(topic, 3, Map.of());
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) closeables.get(i).close();
    }

    @Test
    void twoReplicasRelayingTheSameOutboxPublishEachRecordOnceInOrderPerKey() throws Exception {
        Map<String, Integer> sentBy = new ConcurrentHashMap<>();
        OutboxRelay a = relay(lease("replica-a", Duration.ofSeconds(30), Clock.systemUTC()), sentBy);
        OutboxRelay b = relay(lease("replica-b", Duration.ofSeconds(30), Clock.systemUTC()), sentBy);

        AtomicBoolean running = new AtomicBoolean(true);
        Thread other = new Thread(() -> {
            while (running.get()) b.drain(); // replica b's passes, back to back
        });
        other.start();
        List<OutboxRecord> appended = append(150);
        a.drain();
        appended.addAll(append(150)); // appended while both replicas are relaying
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            a.drain();
            return outbox.countDocuments() == 0;
        });
        running.set(false);
        other.join();

        List<ConsumerRecord<String, String>> published = KafkaProbe.awaitRecords(topic, r -> true, appended.size(), Duration.ofSeconds(30));
        published = KafkaProbe.recordsNow(topic, r -> true); // and nothing more after them
        assertThat(published).extracting(r -> KafkaProbe.header(r, "ce_id"))
                .as("every appended record, once").containsExactlyInAnyOrderElementsOf(appended.stream().map(OutboxRecord::id).toList());
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        published.forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(KafkaProbe.header(r, "ce_id")));
        byKey.values().forEach(ids -> assertThat(ids).as("per key, the order of appending").isSorted());
        assertThat(sentBy).as("one replica relayed, the other waited").hasSize(1);
    }

    @Test
    void aReplicaWaitsWhileTheHolderRenewsAndTakesOverOnceTheHolderStopsRenewing() {
        TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));
        Duration leaseTime = Duration.ofSeconds(10);
        Map<String, Integer> sentBy = new ConcurrentHashMap<>();
        OutboxRelay a = relay(lease("replica-a", leaseTime, clock), sentBy);
        OutboxRelay b = relay(lease("replica-b", leaseTime, clock), sentBy);

        List<OutboxRecord> first = append(5);
        a.drain();
        assertThat(outbox.countDocuments()).isZero();
        assertThat(a.lease().held()).isTrue();

        List<OutboxRecord> second = append(5);
        clock.advance(Duration.ofSeconds(9));
        b.drain();
        assertThat(outbox.countDocuments()).as("the holder's lease runs 10 s: the other replica waits").isEqualTo(5);
        assertThat(b.lease().held()).isFalse();

        a.drain(); // the holder's next pass renews for another 10 s and publishes
        clock.advance(Duration.ofSeconds(9));
        b.drain();
        assertThat(b.lease().held()).as("renewed 9 s ago: still the holder's").isFalse();

        // the holder dies: no more passes, no more renewals
        List<OutboxRecord> third = append(5);
        clock.advance(Duration.ofMillis(999));
        b.drain();
        assertThat(outbox.countDocuments()).as("9.999 s after the last renewal").isEqualTo(5);
        clock.advance(Duration.ofMillis(1));
        b.drain();
        assertThat(outbox.countDocuments()).as("10 s after the last renewal: taken over").isZero();
        assertThat(b.lease().held()).isTrue();
        assertThat(a.lease().held()).as("by the dead holder's own clock too").isFalse();
        assertThat(b.lease().currentHolder()).contains("replica-b");

        List<String> ids = KafkaProbe.awaitRecords(topic, r -> true, 15, Duration.ofSeconds(30)).stream()
                .map(r -> KafkaProbe.header(r, "ce_id")).toList();
        List<String> expected = new ArrayList<>();
        for (List<OutboxRecord> part : List.of(first, second, third)) part.forEach(r -> expected.add(r.id()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sentBy).containsEntry("replica-a", 10).containsEntry("replica-b", 5);
    }

    @Test
    void theHolderWritesItsLeaseOnlyOnceLessThanHalfOfItIsLeftWhileEveryPassPublishes() {
        TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));
        Map<String, Integer> sentBy = new ConcurrentHashMap<>();
        OutboxRelay a = relay(lease("replica-a", Duration.ofSeconds(10), clock), sentBy);
        OutboxRelay b = relay(lease("replica-b", Duration.ofSeconds(10), clock), sentBy);
        a.drain();
        Date taken = leaseDocument().getDate("renewedAt");

        clock.advance(Duration.ofSeconds(4));
        append(3);
        a.drain(); // 6 s of the lease left: published, the lease document untouched
        assertThat(outbox.countDocuments()).isZero();
        assertThat(leaseDocument().getDate("renewedAt")).isEqualTo(taken);
        assertThat(leaseDocument().getDate("expiresAt").toInstant()).isEqualTo(Instant.parse("2026-11-30T12:00:10Z"));

        clock.advance(Duration.ofMillis(1_001));
        append(3);
        a.drain(); // 4.999 s left: renewed for 10 s from now
        assertThat(outbox.countDocuments()).isZero();
        assertThat(leaseDocument().getDate("expiresAt").toInstant()).isEqualTo(Instant.parse("2026-11-30T12:00:15.001Z"));

        clock.advance(Duration.ofSeconds(9));
        append(1);
        b.drain();
        assertThat(outbox.countDocuments()).as("renewed 9 s ago: still the holder's").isEqualTo(1);
        assertThat(sentBy).containsOnlyKeys("replica-a");
    }

    private Document leaseDocument() {
        return database.getCollection(OutboxLease.COLLECTION).find(new Document("_id", OutboxLease.LEASE_ID)).first();
    }

    @Test
    void aStoppedReplicaReleasesTheLeaseSoAnotherTakesOverAtOnce() {
        TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));
        Map<String, Integer> sentBy = new ConcurrentHashMap<>();
        OutboxRelay a = relay(lease("replica-a", Duration.ofSeconds(10), clock), sentBy);
        OutboxRelay b = relay(lease("replica-b", Duration.ofSeconds(10), clock), sentBy);
        a.drain();
        assertThat(a.lease().held()).isTrue();

        a.stop();
        append(3);
        b.drain();

        assertThat(outbox.countDocuments()).isZero();
        assertThat(b.lease().currentHolder()).contains("replica-b");
        assertThat(sentBy).containsOnlyKeys("replica-b");
    }

    private OutboxLease lease(String holder, Duration leaseTime, Clock clock) {
        return new OutboxLease(database.getCollection(OutboxLease.COLLECTION), holder, leaseTime, clock);
    }

    /** A replica's relay, sending with its own idempotent {@code acks=all} producer and counting what it sent. */
    private OutboxRelay relay(OutboxLease lease, Map<String, Integer> sentBy) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        KafkaProducer<String, String> producer = new KafkaProducer<>(p);
        closeables.add(producer);
        RecordSink sink = r -> {
            sentBy.merge(lease.holder(), 1, Integer::sum);
            ProducerRecord<String, String> record = new ProducerRecord<>(r.topic(), r.key(), r.payload());
            record.headers().add("ce_id", r.id().getBytes(StandardCharsets.UTF_8));
            CompletableFuture<Object> acked = new CompletableFuture<>();
            producer.send(record, (metadata, error) -> {
                if (error != null) acked.completeExceptionally(error);
                else acked.complete(metadata);
            });
            return acked;
        };
        OutboxRelay relay = new OutboxRelay(outbox, 20, sink, lease);
        closeables.add(relay::stop);
        return relay;
    }

    /** Appends {@code n} records spread over {@value #KEYS} keys, as a service's writes do. */
    private List<OutboxRecord> append(int n) {
        List<OutboxRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = "urn:relais:post:" + (i % KEYS);
            records.add(new OutboxRecord(EventId.next(), topic, key, "relais.test", "/relais/test", key,
                    Instant.now(), "{\"n\":" + i + "}", null));
        }
        outbox.insertMany(records.stream().map(OutboxRecord::toDocument).toList());
        return records;
    }

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private final AtomicReference<Instant> now;

        TestClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
