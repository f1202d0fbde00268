package io.relais.feed.feedview;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.asCommunityManager;
import static io.relais.feed.feedview.FeedFixtures.feed;
import static io.relais.feed.feedview.FeedFixtures.follow;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.homeIds;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The relevant order: announcements first, then by the documented, explainable score. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class FeedRelevanceTest {

    // the defaults of feed.read.relevance, as documented in the README
    static final double W_AFFINITY = 0.45, W_ENGAGEMENT = 0.25, W_RECENCY = 0.30, BOOST = 10;

    @Test
    void relevantOrderPutsAnnouncementsFirstThenOrdersByTheDocumentedScore() {
        String reader = fresh("reader"), colleague = FeedFixtures.person("colleague"), stranger = fresh("stranger"),
                manager = fresh("manager");
        follow(reader, "person", colleague);
        String fromColleague = post(colleague, "<p>Mon retour d'expérience sur le projet</p>", null);
        String fromStranger = post(stranger, "<p>Quelqu'un a vu mon badge ?</p>", null);
        String announcement = asCommunityManager(manager)
                .body(Map.of("content", "<p>Nouvelle politique de télétravail</p>"))
                .post("/api/announcements").then().statusCode(201).extract().path("id");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(homeIds(reader)).contains(fromColleague, fromStranger));

        // newest first: the stranger's later post comes before the colleague's; announcements pinned on top
        JsonPath newestPage = feed(reader, "/api/feed/home", Map.of("limit", 50));
        List<String> newest = newestPage.getList("items.post.id");
        List<Boolean> pinnedNewest = newestPage.getList("items.pinned");
        assertThat(newest.get(0)).isEqualTo(announcement); // the newest active announcement
        assertThat(pinnedNewest).isSortedAccordingTo((a, b) -> Boolean.compare(b, a)); // all pinned ones on top
        assertThat(newest.indexOf(fromStranger)).isLessThan(newest.indexOf(fromColleague));

        JsonPath relevant = feed(reader, "/api/feed/home", Map.of("order", "relevant", "limit", 50));
        List<Map<String, Object>> items = relevant.getList("items");
        assertThat(relevant.getString("order")).isEqualTo("relevant");
        List<Boolean> pinned = relevant.getList("items.pinned");
        assertThat(pinned.get(0)).isTrue();
        assertThat(pinned).isSortedAccordingTo((a, b) -> Boolean.compare(b, a)); // announcements first
        int pos = relevant.getList("items.post.id", String.class).indexOf(announcement);
        assertThat(pos).isNotNegative();
        assertThat(relevant.getDouble("items[" + pos + "].relevance.announcement")).isEqualTo(BOOST);

        List<Double> totals = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "].relevance.";
            double affinity = relevant.getDouble(at + "affinity"), engagement = relevant.getDouble(at + "engagement"),
                    recency = relevant.getDouble(at + "recency"), boost = relevant.getDouble(at + "announcement");
            double total = relevant.getDouble(at + "total");
            assertThat(total).isCloseTo(W_AFFINITY * affinity + W_ENGAGEMENT * engagement + W_RECENCY * recency + boost,
                    within(1e-5));
            assertThat(List.of(affinity, engagement, recency)).allSatisfy(part -> assertThat(part).isBetween(0.0, 1.0));
            totals.add(total);
        }
        assertThat(totals).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        List<String> ranked = relevant.getList("items.post.id");
        // following the author (affinity 0.5 × 0.45) outweighs a few seconds of recency
        assertThat(ranked).contains(fromColleague);
        if (ranked.contains(fromStranger)) {
            assertThat(ranked.indexOf(fromColleague)).isLessThan(ranked.indexOf(fromStranger));
        }
        int c = ranked.indexOf(fromColleague);
        assertThat(relevant.getDouble("items[" + c + "].relevance.affinity")).isEqualTo(0.5);
        assertThat(relevant.getList("items[" + c + "].reasons", String.class)).contains("follows-author");

        // paging the relevant order: each page continues strictly below the last score, nothing repeats
        JsonPath page1 = feed(reader, "/api/feed/home", Map.of("order", "relevant", "limit", 2));
        assertThat(page1.getString("next")).isNotNull();
        JsonPath page2 = feed(reader, "/api/feed/home", Map.of("order", "relevant", "limit", 2,
                "cursor", page1.getString("next")));
        assertThat(page2.getList("items.post.id", String.class))
                .doesNotContainAnyElementsOf(page1.getList("items.post.id", String.class));
        List<String> firstFour = new ArrayList<>(page1.getList("items.post.id", String.class));
        firstFour.addAll(page2.getList("items.post.id", String.class));
        assertThat(firstFour).containsExactlyElementsOf(ranked.subList(0, firstFour.size()));
    }

    @Test
    void aRelevantOrderCursorNoReadingSessionCouldHaveIsAProblemNamingTheCursor() {
        String reader = fresh("reader");
        // an instant at either end of time (the recency decay would overflow), a score that is not a number
        for (String raw : List.of("r1|" + Long.MIN_VALUE + "|0.5|urn:relais:post:x", "r1|" + Long.MAX_VALUE + "|0.5|urn:relais:post:x",
                "r1|" + System.currentTimeMillis() + "|NaN|urn:relais:post:x")) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
            FeedFixtures.as(reader).queryParam("order", "relevant").queryParam("cursor", cursor).get("/api/feed/home")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        }
    }
}
