package io.relais.feed.feedview;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.feed.hottimeline.HotTimelines;
import io.relais.feed.hottimeline.HotTimelinesConfig;
import io.relais.feed.readcache.ReadCacheConfig;
import io.relais.feed.readcache.ReadCaches;
import io.relais.feed.timeline.FanOutConfig;
import io.relais.feed.timeline.Reasons;
import io.relais.kit.messaging.SourceCheck;
import io.relais.testing.KafkaBroker;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.follow;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.person;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read caches across two replicas over the same store and broker: replica A is this Quarkus app (its REST API
 * makes every change), replica B is a second read path built as a second feed-service process builds it
 * ({@link SecondReplica}): its own {@link ReadCaches} and {@link HotTimelines}, kept current only by its own
 * per-replica consumer of the activities topic from the latest offset. B's caches keep what they read for far longer
 * than the test (TTL 30 min), so what B shows after a change can only come from the activity its consumer read. A
 * third read path with empty caches plays B restarted.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ReadCachesAcrossReplicasTest {

    @Inject
    Feeds replicaA;

    @Inject
    FanOutConfig fanOut;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread consumerOfB;

    @AfterEach
    void stopReplicaB() throws InterruptedException {
        running.set(false);
        if (consumerOfB != null) consumerOfB.join(Duration.ofSeconds(10).toMillis());
    }

    @Test
    void editsHidesDeletesFollowsAndJoinsMadeOnReplicaAReachReplicaBsCachedHomeRead() {
        SimpleMeterRegistry metersOfB = new SimpleMeterRegistry();
        ReadCaches cachesOfB = new ReadCaches(longLivedReadCaches(), metersOfB);
        HotTimelines hotOfB = new HotTimelines(longLivedHotTimelines(), fanOut.bucketCapacity(), null, cachesOfB);
        Feeds replicaB = SecondReplica.of(cachesOfB, hotOfB).feeds(replicaA);
        startConsumer(hotOfB);

        String owner = person("owner"), author = person("author"), reader = person("reader"), colleague = person("colleague");
        String team = community(owner, "public", author, reader);
        String edited = post(author, "<p>Version 1 du planning</p>", null);
        String hidden = post(author, "<p>Message hors charte</p>", team);
        String deleted = post(author, "<p>Annonce en double</p>", null);
        String fromColleague = post(colleague, "<p>Nouvelle cafétéria au 3e</p>", null);
        // a community above the pull threshold (tests: 3): its posts reach members by pull, so by their communities
        String bigOwner = person("bigowner");
        String big = community(bigOwner, "public", person("m1"), person("m2"), person("m3"));
        String inBig = post(bigOwner, "<p>Résultats du trimestre</p>", big);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids(home(replicaB, reader)))
                .contains(edited, hidden, deleted, fromColleague).doesNotContain(inBig));
        assertThat(item(home(replicaB, reader), fromColleague).orElseThrow().reasons()).doesNotContain(Reasons.FOLLOWS_AUTHOR);
        // a value read within the settle window of a change B heard (the reader's Join) is answered but not kept:
        // once that window has passed, a read keeps it and the next one is answered from memory
        await().atMost(PATIENCE).untilAsserted(() -> {
            double membershipReads = misses(metersOfB, "memberships");
            home(replicaB, reader);
            assertThat(misses(metersOfB, "memberships")).as("B answers the reader's communities from memory").isEqualTo(membershipReads);
        });

        as(author).body(Map.of("content", "Version 2 du planning")).put("/api/posts/{id}", local(edited)).then().statusCode(200);
        as(owner).body(Map.of("object", hidden, "action", "hide", "reason", "Hors charte")).post("/api/moderation/actions")
                .then().statusCode(200);
        as(author).delete("/api/posts/{id}", local(deleted)).then().statusCode(204);
        follow(reader, "person", colleague);
        as(reader).post("/api/communities/{s}/join", big).then().statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> {
            FeedPage page = home(replicaB, reader);
            assertThat(item(page, edited)).map(i -> i.post().content()).hasValueSatisfying(c -> assertThat(c).contains("Version 2"));
            assertThat(ids(page)).doesNotContain(hidden, deleted).contains(inBig);
            assertThat(item(page, fromColleague).orElseThrow().reasons()).contains(Reasons.FOLLOWS_AUTHOR);
        });

        ReadCaches cachesAfterRestart = new ReadCaches(longLivedReadCaches(), new SimpleMeterRegistry());
        Feeds restarted = SecondReplica.of(cachesAfterRestart, new HotTimelines(longLivedHotTimelines(),
                fanOut.bucketCapacity(), null, cachesAfterRestart)).feeds(replicaA);
        FeedPage cold = home(restarted, reader);
        assertThat(ids(cold)).as("a restarted replica starts cold and reads through").contains(edited, inBig)
                .doesNotContain(hidden, deleted);
        assertThat(item(cold, edited).orElseThrow().post().content()).contains("Version 2");
        assertThat(item(cold, fromColleague).orElseThrow().reasons()).contains(Reasons.FOLLOWS_AUTHOR);
    }

    private static FeedPage home(Feeds replica, String login) {
        return replica.home(replica.membership.readerOf(Iri.person(login)), Feeds.NEWEST, null, 50);
    }

    private static List<String> ids(FeedPage page) {
        return page.items().stream().map(i -> i.post().id()).toList();
    }

    private static Optional<FeedItem> item(FeedPage page, String id) {
        return page.items().stream().filter(i -> i.post().id().equals(id)).findFirst();
    }

    private static double misses(SimpleMeterRegistry meters, String cache) {
        Counter c = meters.find("relais.feed.read.cache.reads").tag("cache", cache).tag("result", "miss").counter();
        return c == null ? 0 : c.count();
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
                        try {
                            cache.apply(SourceCheck.activity(r));
                        } catch (RuntimeException refused) {
                            // as the live channel (failure-strategy=ignore): other tests publish forged records
                        }
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

    private static ReadCacheConfig longLivedReadCaches() {
        return new ReadCacheConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public long maxPeople() {
                return 20_000;
            }

            @Override
            public long maxItems() {
                return 50_000;
            }

            @Override
            public Duration ttl() {
                return Duration.ofMinutes(30);
            }

            @Override
            public Duration settle() {
                return Duration.ofSeconds(1);
            }
        };
    }

    private static HotTimelinesConfig longLivedHotTimelines() {
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
