package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An index rebuilt from the topics answers exactly like the live one, and only admins may start it. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class RebuildTest {

    @Test
    void aRebuiltIndexGivesTheSameResultsAsTheLiveIndex() {
        String u = unique();
        String word = "rebuild" + u;
        String slug = "rb-" + u;
        publish(Events.community(slug, "Rebuild " + u, "private"));
        publish(Events.join("peggy", slug));
        Activity kept = Events.orgPost("alice", "<p>" + word + " gardé</p>");
        Activity edited = Events.orgPost("alice", "<p>" + word + " brouillon</p>");
        Activity deleted = Events.orgPost("alice", "<p>" + word + " supprimé</p>");
        Activity secret = Events.post("alice", "<p>" + word + " interne</p>", List.of(Iri.community(slug)), null);
        for (Activity a : List.of(kept, edited, deleted, secret)) publish(a);
        publish(Events.edit(edited, "<p>" + word + " version finale</p>"));
        publish(Events.delete(deleted));
        Activity comment = Events.comment("bob", kept, "<p>" + word + " bravo</p>");
        publish(comment);

        // the live index has applied everything: the edit, the delete and the comment (the last published)
        await().atMost(Events.WAIT).until(() -> {
            List<String> ids = Api.ids("peggy", Map.of("q", word));
            return ids.size() == 4 && ids.contains(comment.object().id()) && !ids.contains(deleted.object().id())
                    && Api.ids("peggy", Map.of("q", word + " finale")).size() == 1;
        });
        Map<String, Object> peggyQuery = Map.of("q", word, "sort", "recent");
        Map<String, Object> bobQuery = Map.of("q", word, "sort", "recent");
        Response liveMember = Api.search("peggy", peggyQuery);
        Response liveOther = Api.search("bob", bobQuery);

        given().auth().oauth2(TestTokens.user("carol", "employee", "admin")).post("/api/search/admin/rebuild")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Response status = given().auth().oauth2(TestTokens.user("carol", "employee", "admin"))
                    .get("/api/search/admin/rebuild");
            assertThat(status.jsonPath().getString("state")).isEqualTo("done");
            assertThat(status.jsonPath().getLong("done")).isEqualTo(status.jsonPath().getLong("total"));
            assertThat(status.jsonPath().getLong("total")).isPositive();
        });

        Response rebuiltMember = Api.search("peggy", peggyQuery);
        Response rebuiltOther = Api.search("bob", bobQuery);
        assertThat(rebuiltMember.jsonPath().getList("hits.id")).isEqualTo(liveMember.jsonPath().getList("hits.id"));
        assertThat(rebuiltMember.jsonPath().getList("hits.snippet")).isEqualTo(liveMember.jsonPath().getList("hits.snippet"));
        assertThat(rebuiltMember.jsonPath().getMap("facets")).isEqualTo(liveMember.jsonPath().getMap("facets"));
        assertThat(rebuiltOther.jsonPath().getList("hits.id")).isEqualTo(liveOther.jsonPath().getList("hits.id"));
        assertThat(rebuiltOther.jsonPath().getInt("total")).isEqualTo(3);

        // the live feed keeps flowing into the new index
        String after = "apres" + u;
        Activity later = Events.orgPost("alice", "<p>" + after + "</p>");
        publish(later);
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.ids("bob", Map.of("q", after))).containsExactly(later.object().id()));
    }

    @Test
    void onlyAnAdminMayRebuild() {
        given().auth().oauth2(TestTokens.employee("mallory")).post("/api/search/admin/rebuild").then().statusCode(403);
        given().post("/api/search/admin/rebuild").then().statusCode(401);
    }
}
