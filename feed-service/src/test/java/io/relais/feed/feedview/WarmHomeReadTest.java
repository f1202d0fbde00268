package io.relais.feed.feedview;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.relais.events.Iri;
import io.relais.feed.community.MembershipService;
import io.relais.feed.readcache.ReadCaches;
import io.relais.feed.threadview.PostView;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.follow;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.homeIds;
import static io.relais.feed.feedview.FeedFixtures.person;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a home read costs in store round trips (issue 18, "reads first"), counted with the MongoDB driver's command
 * listener ({@link StoreCommands}) on the reading thread: a repeated home read of the same person, nothing having
 * changed, sends one command, the read of their home timeline's first day buckets (the fan-out, on any replica,
 * writes them without telling this one); and this replica's own writes show on its next read at once.
 */
@QuarkusTest
@TestProfile(WarmHomeReadTest.ReachAsInProduction.class)
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class WarmHomeReadTest {

    /** Audience sizes trusted for 30 s as in production (the other tests read them on every decision). */
    public static class ReachAsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("feed.fanout.reach-cache-ttl", "PT30S");
        }
    }

    private static final Logger LOG = Logger.getLogger(WarmHomeReadTest.class);
    private static final StoreCommands.Sent HOME_BUCKETS = new StoreCommands.Sent("find", "home_timelines");

    @Inject
    Feeds feeds;

    @Inject
    MembershipService membership;

    @Inject
    StoreCommands commands;

    @Inject
    ReadCaches caches;

    @Test
    void aRepeatedHomeReadDoesNotGoToTheStore() {
        Reading r = aReaderWithAFullHome();

        caches.clear(); // what a read costs without this replica's read caches (the source timelines stay hot)
        StoreCommands.Recorded<FeedPage> cold = read(r.reader());
        LOG.infof("home read with empty read caches: %d store commands %s", cold.commands().size(), table(cold.commands()));

        // once what the writes announced has settled (feed.read-cache.settle), a read keeps what it read
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(read(r.reader()).commands()).containsExactly(HOME_BUCKETS));
        StoreCommands.Recorded<FeedPage> warm = read(r.reader());
        LOG.infof("warm home read: %d store commands %s", warm.commands().size(), table(warm.commands()));

        assertThat(warm.commands()).as("a repeated home read sends only the read of the home timeline's day buckets")
                .containsExactly(HOME_BUCKETS);
        assertThat(cold.commands().size()).isGreaterThan(warm.commands().size());
        assertThat(ids(warm.value())).containsAll(ids(cold.value())).contains(r.inCommunity(), r.orgWide());
        PostView liked = view(warm.value(), r.inCommunity());
        assertThat(liked.myReaction()).as("the reader's own reaction, from memory").isEqualTo("like");
        assertThat(view(warm.value(), r.orgWide()).firstComments()).extracting(c -> c.content()).isNotEmpty();
    }

    @Test
    void thisReplicasOwnWritesShowOnItsNextReadAtOnce() {
        Reading r = aReaderWithAFullHome();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(read(r.reader()).commands()).containsExactly(HOME_BUCKETS));

        as(r.author()).body(Map.of("content", "Réunion déplacée à 15h")).put("/api/posts/{id}", local(r.inCommunity()))
                .then().statusCode(200);
        as(r.reader()).delete("/api/posts/{id}/reactions/mine", local(r.inCommunity())).then().statusCode(200);
        as(r.author()).delete("/api/posts/{id}", local(r.orgWide())).then().statusCode(204);

        FeedPage page = read(r.reader()).value();
        assertThat(view(page, r.inCommunity()).content()).contains("15h");
        assertThat(view(page, r.inCommunity()).myReaction()).isNull();
        assertThat(ids(page)).doesNotContain(r.orgWide());

        String joined = community(r.author(), "public");
        String member = post(r.author(), "<p>Bienvenue dans la communauté</p>", joined);
        // a new post reaches its community's timeline by the fan-out (asynchronous), not by this replica's own write
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(feeds.community(membership.readerOf(Iri.person(r.reader())),
                joined, null, 20).items()).extracting(i -> i.post().id()).contains(member));
        as(r.reader()).post("/api/communities/{s}/join", joined).then().statusCode(200);
        assertThat(membership.readerOf(Iri.person(r.reader())).communities()).as("the join, at once on this replica")
                .contains(Iri.community(joined));
    }

    /**
     * A reader whose home holds a post of a community they belong to (which they like), and an organisation-wide post
     * of someone they follow, with a comment.
     */
    private Reading aReaderWithAFullHome() {
        String reader = person("reader"), author = person("author"), owner = fresh("owner");
        String slug = community(owner, "public", reader, author);
        follow(reader, "person", author);
        String inCommunity = post(author, "<p>Réunion d'équipe jeudi</p>", slug);
        String orgWide = post(author, "<p>Bonjour à tous</p>", null);
        as(owner).body(Map.of("content", "Merci pour l'info")).post("/api/posts/{id}/comments", local(orgWide))
                .then().statusCode(201);
        as(reader).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(inCommunity)).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeIds(reader)).contains(inCommunity, orgWide));
        return new Reading(reader, author, inCommunity, orgWide);
    }

    private record Reading(String reader, String author, String inCommunity, String orgWide) {
    }

    /** One home read as the REST resource makes it (the reader, then the page), on this thread. */
    private StoreCommands.Recorded<FeedPage> read(String login) {
        return commands.of(() -> feeds.home(membership.readerOf(Iri.person(login)), Feeds.NEWEST, null, 20));
    }

    private static List<String> ids(FeedPage page) {
        return page.items().stream().map(i -> i.post().id()).toList();
    }

    private static PostView view(FeedPage page, String id) {
        return page.items().stream().map(FeedItem::post).filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** Commands by name and collection, with their count. */
    private static Map<String, Long> table(List<StoreCommands.Sent> sent) {
        Map<String, Long> out = new TreeMap<>();
        sent.forEach(s -> out.merge(s.toString(), 1L, Long::sum));
        return out;
    }
}
