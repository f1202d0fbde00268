package io.relais.feed.timeline;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.As2;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.feed.feedview.FeedFixtures;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.activity;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.awaitConsumed;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.addMember;
import static io.relais.feed.feedview.FeedFixtures.feed;
import static io.relais.feed.feedview.FeedFixtures.follow;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.homeIds;
import static io.relais.feed.feedview.FeedFixtures.ids;
import static io.relais.feed.feedview.FeedFixtures.pages;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Fan-out on write and pull on read, observed through the home feeds people read. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class FanOutTest {

    static final String TIMELINE_GROUP = "feed-service-timeline";

    @Inject
    TimelineStore timelines;

    @Test
    void aCommunityPostReachesMembersAndTheAuthorsFollowersButNoOneElse() {
        String owner = FeedFixtures.person("owner"), member = fresh("member"), follower = fresh("follower"), stranger = fresh("stranger");
        String slug = community(owner, "public", member);
        follow(follower, "person", owner);

        String post = post(owner, "<p>Réunion d'équipe jeudi</p>", slug);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(homeIds(member)).contains(post);
            assertThat(homeIds(follower)).contains(post);
            assertThat(homeIds(owner)).contains(post);
        });
        var memberItem = feed(member, "/api/feed/home", Map.of("limit", 50));
        assertThat(memberItem.getList("items.findAll { it.post.id == '" + post + "' }.reasons.flatten()", String.class))
                .contains("member");
        awaitConsumed(TIMELINE_GROUP, activity(As2.CREATE, post));
        assertThat(homeIds(stranger)).doesNotContain(post);
    }

    @Test
    void cursorPagesHaveNoDuplicatesNorGapsEvenWhenNewPostsArriveBetweenPages() {
        String author = fresh("author"), reader = fresh("reader");
        String slug = community(author, "public", reader);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) written.add(post(author, "<p>Note " + i + "</p>", slug));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeIds(reader)).containsAll(written));

        var first = feed(reader, "/api/feed/home", Map.of("limit", 3));
        String late = post(author, "<p>Arrived while reading</p>", slug);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeIds(reader)).contains(late));

        List<String> seen = new ArrayList<>(first.getList("items.post.id"));
        String cursor = first.getString("next");
        while (cursor != null) {
            var page = feed(reader, "/api/feed/home", Map.of("limit", 3, "cursor", cursor));
            seen.addAll(page.getList("items.post.id"));
            cursor = page.getString("next");
        }
        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen); // no duplicates
        assertThat(seen).doesNotContain(late);               // newer than page one: not slipped into later pages
        List<String> newestFirst = new ArrayList<>(written);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen.stream().filter(written::contains).toList()).containsExactlyElementsOf(newestFirst); // no gaps, in order

        List<List<String>> authorPages = pages(reader, "/api/feed/people/" + author, Map.of("limit", 3), 10);
        assertThat(authorPages).hasSize(3);
        assertThat(authorPages.stream().flatMap(List::stream).toList()).containsExactly(late,
                newestFirst.get(0), newestFirst.get(1), newestFirst.get(2), newestFirst.get(3), newestFirst.get(4),
                newestFirst.get(5), newestFirst.get(6));
    }

    @Test
    void aPostToACommunityAboveThePullThresholdIsMergedOnReadEvenForAMemberWhoJoinedAfterIt() {
        // the test profile sets feed.fanout.pull-threshold=3: four members make a big community
        String owner = fresh("owner"), m1 = fresh("m1"), m2 = fresh("m2"), m3 = fresh("m3"), newcomer = fresh("newcomer");
        String slug = community(owner, "public", m1, m2, m3);

        String post = post(owner, "<p>Annonce à toute la communauté</p>", slug);
        awaitConsumed(TIMELINE_GROUP, activity(As2.CREATE, post));
        addMember(owner, slug, "public", newcomer);

        assertThat(homeIds(newcomer)).contains(post);
        assertThat(homeIds(m1)).contains(post);
        // pulled, not pushed: no per-member copy was written
        long at = EventId.epochMillis(Iri.localId(post));
        assertThat(timelines.homeBucket(Iri.person(m1), at)).extracting(TimelineEntry::post).doesNotContain(post);
        var item = feed(newcomer, "/api/feed/home", Map.of("limit", 50));
        assertThat(item.getList("items.findAll { it.post.id == '" + post + "' }.reasons.flatten()", String.class))
                .containsExactly("member");
    }

    @Test
    void replayingTheActivitiesTopicCreatesNoDuplicateTimelineEntry() {
        String owner = fresh("owner"), member = fresh("member");
        String slug = community(owner, "private", member);
        String post = post(owner, "<p>Compte rendu du comité</p>", slug);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeIds(member)).contains(post));

        ConsumerRecord<String, String> create = KafkaProbe.awaitRecords(Topics.ACTIVITIES, activity(As2.CREATE, post), 1,
                Duration.ofSeconds(30)).get(0);
        Map<String, String> headers = new HashMap<>();
        create.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        for (int i = 0; i < 2; i++) {
            KafkaProbe.publish(Topics.ACTIVITIES, create.key(), headers, create.value());
        }
        awaitConsumed(TIMELINE_GROUP, r -> r.key() != null && r.key().equals(create.key()) && r.offset() > create.offset()
                && r.value().equals(create.value()));

        long at = EventId.epochMillis(Iri.localId(post));
        assertThat(timelines.homeBucket(Iri.person(member), at)).extracting(TimelineEntry::post)
                .containsOnlyOnce(post);
        assertThat(homeIds(member).stream().filter(post::equals)).hasSize(1);
        assertThat(feed(member, "/api/feed/communities/" + slug, Map.of("limit", 50)).getList("items.post.id", String.class)
                .stream().filter(post::equals)).hasSize(1);
    }

    @Test
    void aDeletedPostLeavesTheFeeds() {
        String owner = fresh("owner"), member = fresh("member");
        String slug = community(owner, "public", member);
        String post = post(owner, "<p>Oups, mauvais groupe</p>", slug);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeIds(member)).contains(post));

        as(owner).delete("/api/posts/{id}", Iri.localId(post)).then().statusCode(204);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(homeIds(member)).doesNotContain(post);
            assertThat(timelines.homeBucket(Iri.person(member), EventId.epochMillis(Iri.localId(post))))
                    .extracting(TimelineEntry::post).doesNotContain(post);
        });
        assertThat(feed(member, "/api/feed/communities/" + slug, Map.of()).getList("items.post.id", String.class))
                .doesNotContain(post);
    }

    @Test
    void aBusinessCardAddressedToAPersonReachesTheirFeedAndNotificationsOnly() {
        String newHire = fresh("newhire"), manager = fresh("manager"), bystander = fresh("bystander");
        String card = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        publishHireCard(card, newHire, manager);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(homeIds(newHire)).contains(card);
            assertThat(as(newHire).get("/api/notifications").then().statusCode(200).extract().jsonPath()
                    .getList("items.findAll { it.kind == 'business-event' }.detail", String.class))
                    .containsExactly("employee.hired");
        });
        var item = feed(newHire, "/api/feed/home", Map.of("limit", 50));
        assertThat(item.getList("items.findAll { it.post.id == '" + card + "' }.reasons.flatten()", String.class))
                .contains("addressed");
        awaitConsumed(TIMELINE_GROUP, activity(As2.CREATE, card));
        assertThat(homeIds(bystander)).doesNotContain(card);
        assertThat(ids(bystander, "/api/feed/people/" + manager)).doesNotContain(card);
    }

    @Test
    void postsArrivingTogetherShareOneBucketWriteAndTheirReplayAddsNothing() {
        String newHire = fresh("batched"), manager = fresh("batchmanager");
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 20; i++) cards.add(Iri.of(Iri.BUSINESS_EVENT, EventId.next()));
        java.util.Set<String> values = new HashSet<>();
        cards.forEach(card -> values.add(publishHireCard(card, newHire, manager)));
        List<ConsumerRecord<String, String>> published = KafkaProbe.awaitRecords(Topics.ACTIVITIES,
                r -> values.contains(r.value()), 20, Duration.ofSeconds(30));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeIds(newHire)).containsAll(cards.subList(0, 19)));

        // the same 20 records again, back to back: they reach the consumer in one poll
        published.forEach(r -> {
            Map<String, String> headers = new HashMap<>();
            r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
            KafkaProbe.publish(Topics.ACTIVITIES, r.key(), headers, r.value());
        });
        published.forEach(original -> awaitConsumed(TIMELINE_GROUP, r -> r.partition() == original.partition()
                && r.offset() > original.offset() && r.value().equals(original.value())));

        List<String> inBucket = new ArrayList<>();
        new HashSet<>(cards.stream().map(c -> EventId.epochMillis(Iri.localId(c)) / TimelineBuckets.DAY_MILLIS).toList())
                .forEach(day -> timelines.homeBucket(Iri.person(newHire), day * TimelineBuckets.DAY_MILLIS)
                        .forEach(e -> inBucket.add(e.post())));
        assertThat(inBucket).containsExactlyInAnyOrderElementsOf(cards);
    }

    @Test
    void aBadRecordInABatchIsDeadLetteredWhileTheOthersFanOut() {
        String newHire = fresh("afterpoison"), manager = fresh("poisonmanager");
        String poison = "poison-" + EventId.next();
        KafkaProbe.publish(Topics.ACTIVITIES, poison, KafkaProbe.cloudEventHeaders(poison, "relais.activity.create", "/test", poison),
                "{\"type\":\"Create\",\"object\":{}}");
        String card = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        publishHireCard(card, newHire, manager);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeIds(newHire)).contains(card));
        KafkaProbe.awaitRecords(Topics.ACTIVITIES_DLQ, r -> poison.equals(r.key())
                && Topics.ACTIVITIES.equals(KafkaProbe.header(r, "dead-letter-topic"))
                && KafkaProbe.header(r, "dead-letter-offset") != null
                && String.valueOf(KafkaProbe.header(r, "dead-letter-reason")).contains("actor"), 1, Duration.ofSeconds(30));
    }

    /** A new-hire card addressed to one person, as it is shown (profile-service applied the hire); returns the record's value. */
    private static String publishHireCard(String card, String newHire, String manager) {
        return FeedFixtures.publishHireCard(As2.CREATE, card, newHire, manager, "Bienvenue !");
    }

    @Test
    void aCardPushedToAThousandMembersIsInEveryHomeExactlyOnceAfterAReplayedPoll() {
        String community = Iri.community(fresh("sales"));
        String card = "urn:relais:event:" + fresh("deal-won");
        String next = "urn:relais:event:" + fresh("deal-won");
        long at = System.currentTimeMillis();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 1000; i++) members.add(Iri.person(fresh("member" + i)));

        TimelineWrites poll = new TimelineWrites();
        pushTo(poll, community, members, card, at);
        timelines.write(poll);
        // the same poll delivered again (a crash before the commit), now with the next card of the log too
        TimelineWrites replay = new TimelineWrites();
        pushTo(replay, community, members, card, at);
        pushTo(replay, community, members, next, at + 1);
        timelines.write(replay);
        timelines.write(replay);

        assertThat(timelines.homeOwners(members)).containsExactlyInAnyOrderElementsOf(members);
        for (String member : members) {
            List<String> held = timelines.homeBucket(member, at).stream().map(TimelineEntry::post).toList();
            assertThat(held).as(member).containsOnlyOnce(card, next).hasSize(2);
        }
    }

    @Test
    void aFirstFanOutPushedWithoutReadingTheBucketsIsReadableByEveryMemberAndItsReplayAddsNothing() {
        String community = Iri.community(fresh("support"));
        String card = "urn:relais:event:" + fresh("ticket-closed");
        String next = "urn:relais:event:" + fresh("ticket-closed");
        long at = System.currentTimeMillis();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 300; i++) members.add(Iri.person(fresh("unread" + i)));
        List<String> half = members.subList(0, 150);

        // half of them already have today's bucket; the others' buckets and heads come with the unread push
        TimelineWrites earlier = new TimelineWrites();
        pushTo(earlier, community, half, next, at - 1);
        timelines.write(earlier);
        TimelineWrites first = new TimelineWrites(java.util.Set.of(card));
        pushTo(first, community, members, card, at);
        pushTo(first, community, members, card, at); // the same Create twice in one poll
        timelines.write(first);
        // a replay of the same poll is no first fan-out any more: its buckets are read
        TimelineWrites replay = new TimelineWrites();
        pushTo(replay, community, members, card, at);
        timelines.write(replay);

        assertThat(timelines.homeOwners(members)).containsExactlyInAnyOrderElementsOf(members);
        for (String member : members) {
            List<String> held = timelines.homeBucket(member, at).stream().map(TimelineEntry::post).toList();
            if (half.contains(member)) assertThat(held).as(member).containsExactlyInAnyOrder(card, next);
            else assertThat(held).as(member).containsExactly(card);
        }
    }

    private static void pushTo(TimelineWrites writes, String community, List<String> members, String card, long at) {
        writes.toSources(List.of(community), new TimelineEntry(card, at, community, java.util.Set.of(), List.of(community)));
        for (String m : members) writes.toHome(m, new TimelineEntry(card, at, community, java.util.Set.of(Reasons.MEMBER), List.of()));
    }
}
