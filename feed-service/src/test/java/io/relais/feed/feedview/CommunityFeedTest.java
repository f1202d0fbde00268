package io.relais.feed.feedview;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.feed;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.ids;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class CommunityFeedTest {

    @Test
    void aPublicCommunityFeedShowsItsPinnedPostFirstThenTheRestNewestFirstToAnyEmployee() {
        String owner = fresh("owner"), visitor = fresh("visitor");
        String slug = community(owner, "public");
        String rules = post(owner, "<p>Charte de la communauté</p>", slug);
        String news = post(owner, "<p>Nouvelle version livrée #release</p>", slug);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ids(visitor, "/api/feed/communities/" + slug))
                .containsExactly(news, rules));

        as(owner).post("/api/communities/{s}/pins/{p}", slug, Iri.localId(rules)).then().statusCode(204);

        JsonPath page = feed(visitor, "/api/feed/communities/" + slug, Map.of());
        assertThat(page.getList("items.post.id", String.class)).containsExactly(rules, news); // pinned once, on top
        assertThat(page.getList("items.pinned", Boolean.class)).containsExactly(true, false);
        // a public community post is on the hashtag feed of anyone in the organisation, but not pushed to them
        assertThat(ids(visitor, "/api/feed/hashtags/release")).contains(news);
        assertThat(as(visitor).get("/api/feed/hashtags/{tag}", "#release").then().statusCode(200).extract()
                .jsonPath().getList("items.post.id", String.class)).contains(news);
        assertThat(FeedFixtures.homeIds(visitor)).doesNotContain(news);
        assertThat(page.getString("next")).isNull();
    }
}
