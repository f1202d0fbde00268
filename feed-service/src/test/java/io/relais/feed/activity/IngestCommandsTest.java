package io.relais.feed.activity;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.CloudEventAttributes;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.feed.consumer.ActivityConsumers;
import io.relais.feed.linkpreview.LinkPreviewer;
import io.relais.feed.live.LivePush;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one business card costs the store in feed-service: every consumer group of {@code relais.activities} is handed
 * the card's record as its own poll (timeline: card projection then fan-out; notifications: notifications then activity
 * log; live; link previews, see {@link ActivityConsumers}), and the commands each sends are recorded ({@link StoreCommands}). The contracts: one card is one write of
 * the content index however many consumers of the replica learn it one after the other, and at most two when the fan-out
 * and another consumer learn it at the same moment (the fan-out marks its begun fan-outs there before it writes any
 * timeline, so it cannot leave that write to the other), and a replayed card writes nothing to timelines, the content
 * index nor notifications. The table of commands is printed for the issue-18 report.
 * Production's pull threshold is 500; here 5 stands for it (3 members are pushed like 10, 6 pulled like 1,000), and
 * audience sizes are cached for 30 s as in production.
 */
@QuarkusTest
@TestProfile(IngestCommandsTest.ProductionCaches.class)
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class IngestCommandsTest {

    /** The read side's caches as in production; the pull threshold small enough to build both kinds of community. */
    public static class ProductionCaches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("feed.fanout.pull-threshold", "5", "feed.fanout.reach-cache-ttl", "PT30S");
        }
    }

    private static final AtomicLong OFFSET = new AtomicLong(1L << 40); // far beyond anything the test broker holds

    @Inject
    ActivityConsumers consumers;
    @Inject
    LivePush live;
    @Inject
    LinkPreviewer linkPreviews;

    @Test
    void aCardToAPushedCommunityWritesTheContentIndexOnceAndItsReplayWritesNoTimelineNorNotification() {
        String owner = person("owner");
        String slug = community(owner, "public", person("m1"), person("m2"));
        Map<String, List<StoreCommands.Command>> first = ingest(card(owner, slug));
        Map<String, List<StoreCommands.Command>> second = ingest(card(owner, slug));
        Activity card = card(owner, slug);
        ingest(card);
        Map<String, List<StoreCommands.Command>> replay = ingest(card);
        print("card to a pushed community (3 members), first card of the source (audience sizes read)", first);
        print("same, next card (audience sizes cached)", second);
        print("same card delivered again to every consumer", replay);

        assertThat(writtenDocuments(second, "feed_content")).as("content index writes of one card").isEqualTo(1);
        assertThat(replay.values().stream().flatMap(List::stream).filter(StoreCommands.Command::isWrite)
                .map(StoreCommands.Command::collection))
                .as("collections a replayed card writes to").doesNotContain("feed_content", "home_timelines",
                        "home_timeline_heads", "source_timelines", "source_timeline_heads", "notification_buckets",
                        "notification_state", "notification_threads");
    }

    @Test
    void aCardToAPulledCommunityIsWrittenToItsSourcesOnly() {
        String owner = person("owner");
        String slug = community(owner, "public", person("m1"), person("m2"), person("m3"), person("m4"), person("m5"));
        Map<String, List<StoreCommands.Command>> first = ingest(card(owner, slug));
        Map<String, List<StoreCommands.Command>> second = ingest(card(owner, slug));
        print("card to a pulled community (6 members), first card of the source (audience sizes read)", first);
        print("same, next card (audience sizes cached)", second);

        assertThat(writtenDocuments(second, "feed_content")).as("content index writes of one card").isEqualTo(1);
        // no home timeline: members merge the community's source timeline on read, and the card's owner is one of
        // them (the owner a system names on its card did not write it: it reaches them only through its audience)
        assertThat(writtenDocuments(second, "home_timelines")).isZero();
    }

    @Test
    void theFanOutAndTheNotificationConsumerLearningACardAtOnceWriteTheContentIndexAtMostTwice() throws Exception {
        String owner = person("owner");
        String slug = community(owner, "public", person("m1"));
        ingest(card(owner, slug)); // audience sizes and rosters read once, as on a running replica
        ConsumerRecords<String, String> poll = poll(card(owner, slug));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<StoreCommands.Command>> timeline = threads.submit(() -> StoreCommands.during(() -> {
                awaitQuietly(together);
                consumers.onTimelinePoll(poll);
            }));
            Future<List<StoreCommands.Command>> notified = threads.submit(() -> StoreCommands.during(() -> {
                awaitQuietly(together);
                consumers.onNotificationsPoll(poll);
            }));
            Map<String, List<StoreCommands.Command>> sent = new LinkedHashMap<>();
            sent.put("timeline (cards, fan-out)", timeline.get(60, TimeUnit.SECONDS));
            sent.put("notifications (+ log)", notified.get(60, TimeUnit.SECONDS));
            print("fan-out and notifications learning the same card at the same moment", sent);

            // the fan-out's mark (with the facts when it read them missing), and the facts once more only when the
            // notification consumer read them missing too before either wrote
            assertThat(writtenDocuments(sent, "feed_content")).as("content index writes of one card").isBetween(1, 2);
            assertThat(writtenDocuments(Map.of("timeline (cards, fan-out)", sent.get("timeline (cards, fan-out)")), "feed_content"))
                    .as("the fan-out's own writes of the card").isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the two consumers did not start together", e);
        }
    }

    /** A CRM card about a won deal, owned by {@code owner}, addressed to the community as the bench's cards are. */
    private static Activity card(String owner, String slug) {
        String id = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        AsObject deal = AsObject.builder().id(id).type(As2.EVENT).attributedTo(Iri.person(owner))
                .name("Opportunité gagnée").nameMap(Map.of("fr", "Opportunité gagnée", "en", "Opportunity won"))
                .summary("Contrat signé").to(Iri.community(slug))
                .relais(Map.of("business", Map.of("source", "crm", "eventType", "opportunity.won", "system", "salesforce",
                        "sourceEventId", "sf-" + id.hashCode(), "data", Map.of("amount", 42000)))).build();
        return Activity.builder().type(As2.CREATE).actor("urn:relais:source:crm.salesforce").object(deal).to(Iri.community(slug))
                .generator(AsObject.builder().id("urn:relais:source:crm.salesforce").type(As2.APPLICATION).name("Salesforce").build())
                .build();
    }

    /** The card's record as the CRM connector publishes it, at an offset of its own. */
    private static ConsumerRecord<String, String> record(Activity card) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.ACTIVITIES, 0, OFFSET.getAndIncrement(),
                card.object().id(), ActivityJson.writeString(card));
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", CloudEventAttributes.id(card),
                "ce_type", CloudEventAttributes.type(card), "ce_source", "/connectors/crm/salesforce",
                "ce_subject", CloudEventAttributes.subject(card), "content-type", "application/activity+json");
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static ConsumerRecords<String, String> poll(ConsumerRecord<String, String> record) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.ACTIVITIES, 0), List.of(record)), Map.of());
    }

    private static ConsumerRecords<String, String> poll(Activity card) {
        return poll(record(card));
    }

    /** Hands the card's record to every consumer group, one poll each, and answers the commands each sent. */
    private Map<String, List<StoreCommands.Command>> ingest(Activity card) {
        ConsumerRecord<String, String> record = record(card);
        ConsumerRecords<String, String> poll = poll(record);
        Map<String, List<StoreCommands.Command>> sent = new LinkedHashMap<>();
        sent.put("timeline (cards, fan-out)", StoreCommands.during(() -> consumers.onTimelinePoll(poll)));
        sent.put("notifications (+ log)", StoreCommands.during(() -> consumers.onNotificationsPoll(poll)));
        sent.put("live", StoreCommands.during(() -> live.onPoll(poll)));
        sent.put("link-previews", StoreCommands.during(() -> linkPreviews.onPoll(poll)));
        return sent;
    }

    private static int writtenDocuments(Map<String, List<StoreCommands.Command>> sent, String collection) {
        return sent.values().stream().flatMap(List::stream)
                .filter(c -> c.isWrite() && c.collection().equals(collection)).mapToInt(StoreCommands.Command::documents).sum();
    }

    /** One line per consumer: its commands grouped by command and collection, with the documents they name. */
    private static void print(String title, Map<String, List<StoreCommands.Command>> sent) {
        StringBuilder out = new StringBuilder("\n[store commands] ").append(title).append('\n');
        int commands = 0, documents = 0;
        for (var consumer : sent.entrySet()) {
            Map<String, int[]> byKind = new TreeMap<>();
            for (StoreCommands.Command c : consumer.getValue()) {
                int[] n = byKind.computeIfAbsent(c.name() + " " + c.collection(), k -> new int[2]);
                n[0]++;
                n[1] += c.documents();
                commands++;
                documents += c.documents();
            }
            List<String> cells = new ArrayList<>();
            byKind.forEach((k, n) -> cells.add(k + " ×" + n[0] + " (" + n[1] + " docs)"));
            out.append(String.format("  %-20s %2d commands: %s%n", consumer.getKey(), consumer.getValue().size(), String.join(", ", cells)));
        }
        out.append(String.format("  %-20s %2d commands, %d documents named%n", "total", commands, documents));
        System.out.print(out);
    }
}
