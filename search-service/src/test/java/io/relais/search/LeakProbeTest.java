package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.Iri;
import io.relais.events.Tag;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Leak probes over every read path of search (hits, totals, facets, suggestions, people search's
 * contributors, community analytics) for a private and a secret community, asked by a non-member and by a
 * former member, both holding the community-manager role. A member asks the same questions first, so a
 * probe that finds nothing is proven to look at data that exists. A secret community's analytics are 404 to them, and
 * to an administrator outside it, as the community is to them in feed-service.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class LeakProbeTest {

    static Response as(String login, String path, Map<String, ?> params) {
        return given().auth().oauth2(TestTokens.user(login, "employee", "community-manager")).queryParams(params).get(path);
    }

    @ParameterizedTest(name = "{0} community")
    @ValueSource(strings = {"private", "secret"})
    void nothingOfTheCommunityReachesANonMemberOrAFormerMember(String visibility) {
        String u = unique();
        String slug = "probe-" + visibility + "-" + u;
        String community = Iri.community(slug);
        String word = "fuite" + u;
        String tag = "probe" + u;
        String member = "mia" + u;
        String former = "fred" + u;
        String outsider = "nina" + u;
        String author = "alex" + u;
        Events.profile(author, "Alex Sourcier" + u, "Buyer", "Purchasing", List.of(), "");
        publish(Events.community(slug, "Cercle " + u, visibility));
        for (String who : List.of(member, former, author)) publish(Events.join(who, slug));
        Activity post = Events.post(author, "<p>" + word + " plan</p>", List.of(community), null, Instant.now(), Tag.hashtag(tag));
        publish(post);
        publish(Events.comment(member, post, "<p>" + word + " oui</p>"));
        publish(Events.like(member, post, "like"));

        await().atMost(Events.WAIT).untilAsserted(() -> {
            for (String who : List.of(member, former)) {
                Response r = as(who, "/api/search", Map.of("q", word));
                assertThat(r.jsonPath().getInt("total")).as(who).isEqualTo(2);
                assertThat(r.jsonPath().getMap("facets.community")).as(who).containsEntry(community, 2);
            }
            assertThat(as(member, "/api/search/suggest", Map.of("q", "#" + tag, "types", "hashtag")).jsonPath()
                    .getList("suggestions.id")).containsExactly(Iri.hashtag(tag));
            assertThat(as(member, "/api/search/people", Map.of("q", word)).jsonPath().getList("contributors.id"))
                    .contains(Iri.person(author));
            Response figures = as(member, "/api/analytics/communities/" + slug, Map.of());
            assertThat(figures.statusCode()).isEqualTo(200);
            // two active people: below the privacy threshold, the figures are withheld, not counted
            assertThat(figures.jsonPath().getString("period.posts")).isNull();
            assertThat(figures.jsonPath().getString("period.withheld.posts")).isEqualTo("fewer than 5 active people");
        });

        publish(Events.leave(former, slug));
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(as(former, "/api/search", Map.of("q", word)).jsonPath().getInt("total")).isZero());

        for (String who : List.of(outsider, former)) {
            Response hits = as(who, "/api/search", Map.of("q", word));
            hits.then().statusCode(200);
            assertThat(hits.jsonPath().getList("hits")).as(who + " hits").isEmpty();
            assertThat(hits.jsonPath().getInt("total")).as(who + " total").isZero();
            assertThat(hits.jsonPath().getMap("facets.community")).as(who + " facet").doesNotContainKey(community);
            assertThat(hits.jsonPath().getMap("facets.type")).as(who + " type facet").isEmpty();
            assertThat(hits.jsonPath().getMap("facets.author")).as(who + " author facet").isEmpty();
            assertThat(hits.asString()).as(who + " labels").doesNotContain(author);

            // a private community itself is listed (its name and description), never its content
            Response inCommunity = as(who, "/api/search", Map.of("community", slug));
            assertThat(inCommunity.jsonPath().getList("hits.type", String.class)).as(who + " community filter")
                    .doesNotContain("post", "comment");
            assertThat(inCommunity.jsonPath().getInt("total")).as(who + " community filter total")
                    .isEqualTo("secret".equals(visibility) ? 0 : 1);
            Response byTag = as(who, "/api/search", Map.of("q", "#" + tag));
            assertThat(byTag.jsonPath().getInt("total")).as(who + " hashtag").isZero();

            assertThat(as(who, "/api/search/suggest", Map.of("q", "#" + tag, "types", "hashtag")).jsonPath()
                    .getList("suggestions")).as(who + " hashtag suggestions").isEmpty();
            if ("secret".equals(visibility)) {
                assertThat(as(who, "/api/search/suggest", Map.of("q", "cercle " + u, "types", "community")).jsonPath()
                        .getList("suggestions")).as(who + " community suggestions").isEmpty();
            }

            Response people = as(who, "/api/search/people", Map.of("q", word));
            assertThat(people.jsonPath().getList("contributors")).as(who + " contributors").isEmpty();

            Response figures = as(who, "/api/analytics/communities/" + slug, Map.of());
            if ("secret".equals(visibility)) {
                // a secret community is not found by a non-member, whatever their role (feed-service's rule)
                assertThat(figures.statusCode()).as(who + " analytics").isEqualTo(404);
                assertThat(figures.asString()).as(who + " analytics body").doesNotContain("Cercle " + u);
            } else {
                // a community manager outside it gets its figures (here withheld, too few people), never its content or people
                assertThat(figures.statusCode()).as(who + " analytics").isEqualTo(200);
                assertThat(figures.jsonPath().getBoolean("contentShown")).as(who + " analytics").isFalse();
            }
            assertThat(figures.asString()).as(who + " analytics body").doesNotContain(word).doesNotContain(author);
        }
        if ("secret".equals(visibility)) {
            Response admin = given().auth().oauth2(TestTokens.user(outsider, "employee", "admin"))
                    .get("/api/analytics/communities/" + slug);
            assertThat(admin.statusCode()).as("an administrator outside it").isEqualTo(404);
            assertThat(admin.asString()).doesNotContain("Cercle " + u);
        }
    }
}
