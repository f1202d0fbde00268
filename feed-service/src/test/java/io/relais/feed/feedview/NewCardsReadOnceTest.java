package io.relais.feed.feedview;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.relais.events.As2;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.feed.community.MembershipService;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.homeIds;
import static io.relais.feed.feedview.FeedFixtures.publishHireCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cards under connector ingest (issue 18, "reads first"): the newest cards are the top of their readers' home pages, so
 * a card read from the store once is answered from this replica's memory on the next read, although its Create was
 * heard moments ago (a creation has no older value to guard against); a later change of the card still reaches the
 * next read at once. The settle window here is a minute and values live five, so that only that rule can explain a
 * card read from memory within it, and only the card's Update reaching the caches a changed title before it ends.
 */
@QuarkusTest
@TestProfile(NewCardsReadOnceTest.LongSettle.class)
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class NewCardsReadOnceTest {

    /** A minute of settling and five of life, instead of production's 5 s and 30 s. */
    public static class LongSettle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("feed.read-cache.settle", "PT60S", "feed.read-cache.ttl", "PT5M");
        }
    }

    private static final StoreCommands.Sent POSTS_READ = new StoreCommands.Sent("find", "posts");

    @Inject
    Feeds feeds;

    @Inject
    MembershipService membership;

    @Inject
    StoreCommands commands;

    @Test
    void aNewCardIsReadFromTheStoreOnceThenFromMemory() {
        String reader = fresh("newhire");
        String card = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        publishHireCard(As2.CREATE, card, reader, fresh("manager"), "Bienvenue !");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeIds(reader)).contains(card));

        StoreCommands.Recorded<FeedPage> first = read(reader);
        StoreCommands.Recorded<FeedPage> second = read(reader);

        assertThat(first.value().items()).extracting(i -> i.post().id()).contains(card);
        assertThat(second.value().items()).extracting(i -> i.post().id()).contains(card);
        assertThat(second.commands()).as("the card, seconds after its Create, from memory").doesNotContain(POSTS_READ);
    }

    @Test
    void aCardsUpdateReachesTheNextReadAlthoughItsCreateWasKept() {
        String reader = fresh("updated"), manager = fresh("manager");
        String card = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        publishHireCard(As2.CREATE, card, reader, manager, "Bienvenue !");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeIds(reader)).contains(card));
        read(reader);
        assertThat(read(reader).commands()).as("kept").doesNotContain(POSTS_READ);

        publishHireCard(As2.UPDATE, card, reader, manager, "Bienvenue, Camille !");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(read(reader).value().items())
                .filteredOn(i -> i.post().id().equals(card))
                .extracting(i -> i.post().card().title().get("fr")).containsExactly("Bienvenue, Camille !"));
    }

    /** One home read as the REST resource makes it, on this thread, with the store commands it sent. */
    private StoreCommands.Recorded<FeedPage> read(String login) {
        return commands.of(() -> feeds.home(membership.readerOf(Iri.person(login)), Feeds.NEWEST, null, 20));
    }
}
