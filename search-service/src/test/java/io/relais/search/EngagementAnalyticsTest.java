package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Community managers' engagement figures, computed over a small known dataset. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class EngagementAnalyticsTest {

    static Response engagement(String login, String slug, String... roles) {
        return given().auth().oauth2(TestTokens.user(login, roles)).get("/api/analytics/communities/{slug}", slug);
    }

    @Test
    void figuresCountPostsCommentsReactionsAndPeopleOfTheCommunity() {
        String u = unique();
        String slug = "eng-" + u;
        publish(Events.community(slug, "Engagement " + u, "public"));
        for (String m : List.of("ann", "ben", "cat")) publish(Events.join(m + u, slug));
        List<String> to = List.of(Iri.community(slug));
        List<String> cc = List.of(Audience.ORGANISATION);
        Activity p1 = Events.post("ann" + u, "<p>Premier</p>", to, cc);
        Activity p2 = Events.post("ann" + u, "<p>Second</p>", to, cc);
        Activity p3 = Events.post("ben" + u, "<p>Troisième</p>", to, cc);
        Activity elsewhere = Events.orgPost("ann" + u, "<p>Ailleurs</p>");
        for (Activity a : List.of(p1, p2, p3, elsewhere)) publish(a);
        publish(Events.comment("ben" + u, p1, "<p>Oui</p>"));
        publish(Events.comment("cat" + u, p1, "<p>Bien</p>"));
        publish(Events.like("cat" + u, p1, "celebrate"));
        publish(Events.like("ben" + u, p1, "like"));
        Activity withdrawn = Events.like("cat" + u, p3, "like");
        publish(withdrawn);
        publish(io.relais.events.Activity.builder().type("Undo").actor(withdrawn.actor())
                .object(io.relais.events.AsObject.builder().id(withdrawn.id()).type("Like").build())
                .target(p3.object().id()).to(to).cc(cc).build());

        await().atMost(Events.WAIT).untilAsserted(() -> {
            Response r = engagement("bob", slug, "employee", "community-manager");
            r.then().statusCode(200);
            assertThat(r.jsonPath().getLong("posts")).isEqualTo(3);
            assertThat(r.jsonPath().getLong("comments")).isEqualTo(2);
            assertThat(r.jsonPath().getLong("reactions")).isEqualTo(2);
            assertThat(r.jsonPath().getLong("activeMembers")).isEqualTo(3);
            assertThat(r.jsonPath().getLong("members")).isEqualTo(3);
        });
        Response r = engagement("bob", slug, "employee", "community-manager");
        // ann: 2 posts; ben: 1 post + 1 comment and 1 reaction, so ben wins the tie; cat: 1 comment
        assertThat(r.jsonPath().getList("topContributors.id")).containsExactly(Iri.person("ben" + u), Iri.person("ann" + u), Iri.person("cat" + u));
        assertThat(r.jsonPath().getList("topContributors.posts")).containsExactly(1, 2, 0);
        assertThat(r.jsonPath().getList("topPosts.id").get(0)).isEqualTo(p1.object().id());
        assertThat(r.jsonPath().getInt("topPosts[0].comments")).isEqualTo(2);
        assertThat(r.jsonPath().getInt("topPosts[0].reactions")).isEqualTo(2);
        List<Integer> weeklyPosts = r.jsonPath().getList("weeks.posts");
        assertThat(weeklyPosts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(r.jsonPath().getMap("definitions")).containsKeys("posts", "comments", "reactions", "activeMembers");
    }

    @Test
    void aSecretCommunityIsNotFoundForAManagerOutsideItAndEmployeesMayNotReadAnalytics() {
        String u = unique();
        String slug = "hush-" + u;
        publish(Events.community(slug, "Hush " + u, "secret"));
        publish(Events.join("quinn", slug));
        await().atMost(Events.WAIT).untilAsserted(() ->
                engagement("quinn", slug, "employee", "community-manager").then().statusCode(200));
        engagement("bob", slug, "employee", "community-manager").then().statusCode(404);
        engagement("carol", slug, "employee", "admin").then().statusCode(404);
        engagement("alice", slug, "employee").then().statusCode(403);
        engagement("bob", "no-such-" + u, "employee", "community-manager").then().statusCode(404);
    }
}
