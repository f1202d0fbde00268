package io.relais.feed.timeline;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.feed.hottimeline.HotTimelines;
import io.relais.feed.hottimeline.HotTimelinesConfig;
import io.relais.kit.messaging.SourceCheck;
import io.relais.testing.KafkaBroker;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.homeIds;
import static io.relais.feed.feedview.FeedFixtures.ids;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hot-timeline cache across two replicas over the same store and broker: replica A is this Quarkus
 * app (its REST API, its fan-out and its own cache), replica B is a second read path built the way a second
 * feed-service process builds it: its own {@link HotTimelines}, fed by its own per-replica consumer group on
 * the activities topic from the latest offset, in front of a {@link TimelineStore} over the same store.
 * B's cache is given a TTL far longer than the test, so what B shows after its first read can only have
 * come from the topic, never from reading the store again.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class HotTimelinesAcrossReplicasTest {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    FanOutConfig fanOut;

    @Inject
    HotTimelines replicaA;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread consumerOfB;

    @AfterEach
    void stopReplicaB() throws InterruptedException {
        running.set(false);
        if (consumerOfB != null) consumerOfB.join(Duration.ofSeconds(10).toMillis());
    }

    @Test
    void aPostAcceptedByReplicaAAppearsOnReplicaBsCachedHomeAndItsDeletionLeavesIt() {
        HotTimelines cacheOfB = new HotTimelines(longLived(), fanOut.bucketCapacity(), null);
        TimelineStore replicaB = replicaOver(cacheOfB);
        startConsumer(cacheOfB);
        String author = fresh("author"), reader = fresh("reader");

        // B reads the reader's home timeline walk: the organisation's timeline of today is then in B's memory
        String earlier = post(author, "<p>Bonjour à tous</p>", null);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeWalk(replicaB, reader)).contains(earlier));
        long storeReadsOfB = cacheOfB.misses();

        String post = post(author, "<p>Nouvelle note de service pour tous</p>", null);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeWalk(replicaB, reader)).contains(post));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeIds(reader)).contains(post)); // A's own read path
        assertThat(cacheOfB.misses()).as("B answered from memory, not by reading the store again").isEqualTo(storeReadsOfB);

        as(author).delete("/api/posts/{id}", local(post)).then().statusCode(204);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeWalk(replicaB, reader)).doesNotContain(post));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeIds(reader)).doesNotContain(post));
        assertThat(cacheOfB.misses()).isEqualTo(storeReadsOfB);
    }

    @Test
    void aCachedEntryIsStillTrimmedByTheAudienceRuleOnRead() {
        String owner = fresh("owner"), member = fresh("member"), outsider = fresh("outsider");
        String slug = community(owner, "private", member);
        String tag = "hot" + fresh("t").substring(2);
        // the outsider's read puts the hashtag's timeline in A's memory before the post exists
        assertThat(ids(outsider, "/api/feed/hashtags/" + tag)).isEmpty();

        String secret = post(member, "<p>Chiffres internes #" + tag + "</p>", slug);
        String open = post(member, "<p>Pour tout le monde #" + tag + "</p>", null);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids(member, "/api/feed/hashtags/" + tag)).contains(secret, open));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids(outsider, "/api/feed/hashtags/" + tag)).contains(open));
        long day = TimelineStore.dayOf(System.currentTimeMillis());
        assertThat(replicaA.holds(Iri.hashtag(tag), day, secret) || replicaA.holds(Iri.hashtag(tag), day - 1, secret))
                .as("the private post's entry is in A's memory").isTrue();
        assertThat(ids(outsider, "/api/feed/hashtags/" + tag)).doesNotContain(secret);
        assertThat(homeIds(outsider)).doesNotContain(secret);
    }

    /** Every entry a home feed would hydrate for this reader on replica B: home timeline merged with the organisation's. */
    private static List<String> homeWalk(TimelineStore replica, String login) {
        TimelineScan scan = replica.scan(Iri.person(login), Map.of(Audience.ORGANISATION, Reasons.ORGANISATION), null);
        List<String> out = new ArrayList<>();
        while (scan.hasMore()) scan.next().forEach(e -> out.add(e.post()));
        return out;
    }

    private TimelineStore replicaOver(HotTimelines cache) {
        TimelineStore store = new TimelineStore();
        store.mongo = mongo;
        store.database = database;
        store.config = fanOut;
        store.meters = new SimpleMeterRegistry();
        store.sourceCache = cache;
        return store;
    }

    /** B's live consumer: a group of its own, from the latest offset, as {@code mp.messaging.incoming.live} is configured. */
    private void startConsumer(HotTimelines cache) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, fresh("feed-service-live-replica-b"));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        AtomicBoolean positioned = new AtomicBoolean();
        consumerOfB = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
                consumer.subscribe(List.of(Topics.ACTIVITIES));
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        cache.apply(SourceCheck.activity(r));
                    }
                    if (!consumer.assignment().isEmpty() && !positioned.get()) {
                        consumer.assignment().forEach(consumer::position); // resolves "latest" now
                        positioned.set(true);
                    }
                }
            }
        }, "replica-b-live");
        consumerOfB.setDaemon(true);
        consumerOfB.start();
        await().atMost(PATIENCE).untilTrue(positioned);
    }

    private static HotTimelinesConfig longLived() {
        return new HotTimelinesConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public long maxEntries() {
                return 100_000;
            }

            @Override
            public long maxHeads() {
                return 20_000;
            }

            @Override
            public Duration ttl() {
                return Duration.ofMinutes(30);
            }

            @Override
            public Duration recentWindow() {
                return Duration.ofMinutes(60);
            }
        };
    }
}
