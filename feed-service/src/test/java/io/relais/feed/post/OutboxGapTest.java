package io.relais.feed.post;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.Audience;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ThreadOutbox;
import io.relais.kit.outbox.Outbox;
import io.relais.kit.outbox.OutboxMarks;
import io.relais.kit.outbox.OutboxRecord;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.activity;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.homeIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, the outbox gap: a post is written, then the process dies before its outbox record is appended.
 * The record travelled with the post's write, so the re-publication pass of the next start announces it,
 * exactly once, and the other consumers (here the feed's fan-out) hear of it.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class OutboxGapTest {

    @Inject
    PostStore posts;

    @Inject
    ThreadOutbox announcements;

    @Inject
    Outbox outbox;

    @Inject
    OutboxMarks marks;

    @Inject
    MongoClient mongo;

    @Inject
    SentFilters sentFilters;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void aPostWrittenButNotAnnouncedBeforeACrashIsPublishedOnceAfterRestart() {
        String alice = fresh("alice"), bob = fresh("bob");
        Instant now = Instant.now();
        String iri = Iri.post(EventId.next());
        Post post = new Post(iri, As2.NOTE, Post.KIND_POST, Iri.person(alice), "<p>Écrit avant la panne</p>",
                "Écrit avant la panne", List.of(Audience.ORGANISATION), List.of(), null, List.of(), List.of(), List.of(),
                null, Map.of(), 0, 0, false, now, null, null, false, null, null, null);
        OutboxRecord record = announcements.record(Activity.builder().type(As2.CREATE).actor(Iri.person(alice))
                .object(PostService.asObject(post)).to(post.to()).cc(post.cc()).published(now).build());
        // the content write, as PostService makes it; the process dies before the outbox append
        posts.insert(post, record);

        as(bob).get("/api/posts/{id}", Iri.localId(iri)).then().statusCode(200);
        assertThat(KafkaProbe.recordsNow(Topics.ACTIVITIES, activity(As2.CREATE, iri))).isEmpty();

        // the next start's pass, then a periodic one that must find nothing left
        assertThat(announcements.republish()).isGreaterThanOrEqualTo(1);
        assertThat(announcements.republish()).isZero();

        List<ConsumerRecord<String, String>> published =
                KafkaProbe.awaitRecords(Topics.ACTIVITIES, activity(As2.CREATE, iri), 1, Duration.ofSeconds(30));
        assertThat(KafkaProbe.header(published.get(0), "ce_id")).isEqualTo(record.id());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeIds(bob)).contains(iri));
        await().atMost(PATIENCE).until(() -> outbox.pending() == 0);
        assertThat(KafkaProbe.recordsNow(Topics.ACTIVITIES, activity(As2.CREATE, iri))).hasSize(1);
    }

    /**
     * A periodic pass while a request is between its marked write and its own append must leave that mark to the
     * request: taking it made the request's remaining steps happen twice (the fault campaign of 2026-11-30, kill -9
     * feed-service phase: a periodic pass took 3 marks of requests in flight, and one comment was found twice).
     */
    @Test
    void aPeriodicPassLeavesTheMarkOfARequestInFlightToThatRequest() {
        String alice = fresh("alice");
        Instant now = Instant.now();
        String iri = Iri.post(EventId.next());
        Post post = new Post(iri, As2.NOTE, Post.KIND_POST, Iri.person(alice), "<p>En cours d'écriture</p>",
                "En cours d'écriture", List.of(Audience.ORGANISATION), List.of(), null, List.of(), List.of(), List.of(),
                null, Map.of(), 0, 0, false, now, null, null, false, null, null, null);
        OutboxRecord record = announcements.record(Activity.builder().type(As2.CREATE).actor(Iri.person(alice))
                .object(PostService.asObject(post)).to(post.to()).cc(post.cc()).published(now).build());
        posts.insert(post, record); // the request's marked write; its append comes next

        assertThat(announcements.republish(Instant.now().minus(OutboxMarks.SETTLED))).as("the periodic pass").isZero();
        assertThat(announcements.republish(OutboxMarks.leftBehind())).as("a pass at start of another replica").isZero();
        announcements.announcePost(iri, record); // the request goes on

        KafkaProbe.awaitRecords(Topics.ACTIVITIES, activity(As2.CREATE, iri), 1, Duration.ofSeconds(30));
        await().atMost(PATIENCE).until(() -> outbox.pending() == 0);
        assertThat(announcements.republish()).isZero();
        assertThat(KafkaProbe.recordsNow(Topics.ACTIVITIES, activity(As2.CREATE, iri))).hasSize(1);
    }

    @Test
    void everyPostChangeThroughTheApiIsAnnouncedAndLeavesNothingToRepublish() {
        String alice = fresh("alice");
        String iri = as(alice).body(Map.of("content", "Premier jet")).post("/api/posts").then().statusCode(201)
                .extract().path("id");
        as(alice).body(Map.of("content", "Second jet")).put("/api/posts/{id}", Iri.localId(iri)).then().statusCode(200);
        String comment = as(alice).body(Map.of("content", "Précision")).post("/api/posts/{id}/comments", Iri.localId(iri))
                .then().statusCode(201).extract().path("id");
        as(alice).delete("/api/posts/{p}/comments/{c}", Iri.localId(iri), Iri.localId(comment)).then().statusCode(204);
        as(alice).delete("/api/posts/{id}", Iri.localId(iri)).then().statusCode(204);

        assertThat(announcements.republish()).isZero();
        for (String type : List.of(As2.CREATE, As2.UPDATE, As2.DELETE)) {
            KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value() != null && r.value().contains("\"type\":\"" + type + "\"")
                    && r.value().contains(iri), 1, Duration.ofSeconds(30));
        }
        KafkaProbe.awaitRecords(Topics.ACTIVITIES, activity(As2.CREATE, comment), 1, Duration.ofSeconds(30));
    }

    /**
     * Issue 18: the pass that looks for marks read every post and card each minute (a scan of the posts collection,
     * which held it for seconds under ingest and stalled home reads). It now finds a crash-left mark through the
     * ledger of marks and reads the marked post by key: no command of the pass names posts or comments with a filter
     * on anything but {@code _id}.
     */
    @Test
    void aPassFindsACrashLeftMarkThroughTheLedgerAndReadsPostsOnlyByKey() {
        String alice = fresh("alice");
        Post post = post(alice, "Écrit avant la panne, retrouvé par la clé");
        OutboxRecord record = createOf(post);
        posts.insert(post, record); // the process dies before the append

        List<String> filters = sentFilters.of(() -> assertThat(announcements.republish()).isGreaterThanOrEqualTo(1));

        assertThat(filters).as("filters sent to posts and comments by the pass").isNotEmpty()
                .allSatisfy(f -> assertThat(f).isEqualTo("[_id]"));
        KafkaProbe.awaitRecords(Topics.ACTIVITIES, activity(As2.CREATE, post.iri()), 1, Duration.ofSeconds(30));
        assertThat(announcements.republish()).isZero();
        assertThat(mongo.getDatabase(database).getCollection(OutboxMarks.LEDGER).find(Filters.eq("_id", record.id())).first())
                .as("its ledger entry, gone with the mark").isNull();
    }

    /**
     * A mark written before the ledger existed (an upgrade right after a crash) has no ledger entry: the first start
     * with the ledger looks for such marks once, by a scan, and the pass then publishes them.
     */
    @Test
    void aMarkWrittenBeforeTheLedgerIsFoundAtTheFirstStartWithIt() {
        String alice = fresh("alice");
        Post post = post(alice, "Marqué avant le registre");
        OutboxRecord record = createOf(post);
        var postsCollection = mongo.getDatabase(database).getCollection("posts");
        var ledger = mongo.getDatabase(database).getCollection(OutboxMarks.LEDGER);
        posts.insert(post, record);
        ledger.deleteOne(Filters.eq("_id", record.id())); // as the former version left it: a mark, no ledger entry
        assertThat(announcements.republish()).as("not found without its ledger entry").isZero();
        ledger.deleteOne(Filters.eq("_id", "ledger-since:posts"));

        assertThat(marks.adoptMarksBeforeLedger(postsCollection)).isGreaterThanOrEqualTo(1);
        assertThat(marks.adoptMarksBeforeLedger(postsCollection)).as("a later start: one keyed read").isZero();
        assertThat(announcements.republish()).isGreaterThanOrEqualTo(1);

        List<ConsumerRecord<String, String>> published =
                KafkaProbe.awaitRecords(Topics.ACTIVITIES, activity(As2.CREATE, post.iri()), 1, Duration.ofSeconds(30));
        assertThat(KafkaProbe.header(published.get(0), "ce_id")).isEqualTo(record.id());
        assertThat(announcements.republish()).isZero();
    }

    private static Post post(String author, String text) {
        return new Post(Iri.post(EventId.next()), As2.NOTE, Post.KIND_POST, Iri.person(author), "<p>" + text + "</p>",
                text, List.of(Audience.ORGANISATION), List.of(), null, List.of(), List.of(), List.of(),
                null, Map.of(), 0, 0, false, Instant.now(), null, null, false, null, null, null);
    }

    private OutboxRecord createOf(Post post) {
        return announcements.record(Activity.builder().type(As2.CREATE).actor(post.author())
                .object(PostService.asObject(post)).to(post.to()).cc(post.cc()).published(post.created()).build());
    }

    /**
     * The filters (their field names) of the commands the current thread sends to posts and comments while
     * {@link #of} runs: finds' {@code filter}, updates' and deletes' {@code q}. Registered with the client as every
     * {@link CommandListener} bean is.
     */
    @Singleton
    static class SentFilters implements CommandListener {
        private final ThreadLocal<List<String>> recording = new ThreadLocal<>();
        private static final Set<String> MARKED = Set.of("posts", "comments");

        List<String> of(Runnable work) {
            List<String> filters = new ArrayList<>();
            recording.set(filters);
            try {
                work.run();
                return List.copyOf(filters);
            } finally {
                recording.remove();
            }
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            List<String> filters = recording.get();
            BsonValue target = event.getCommand().get(event.getCommandName());
            if (filters == null || target == null || !target.isString() || !MARKED.contains(target.asString().getValue())) return;
            BsonDocument command = event.getCommand();
            if (command.containsKey("filter")) filters.add(command.getDocument("filter").keySet().toString());
            for (String list : List.of("updates", "deletes")) {
                if (command.containsKey(list)) {
                    command.getArray(list).forEach(u -> filters.add(u.asDocument().getDocument("q").keySet().toString()));
                }
            }
            if ("aggregate".equals(event.getCommandName()) || "count".equals(event.getCommandName())) filters.add("scan");
        }
    }
}
