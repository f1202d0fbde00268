package io.relais.feed.boundary;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Throttling (issue 12: "300 posts in 6 s by one person" went through): past the limit a person's writes and
 * searches are answered 429 with Retry-After and problem+json; nobody else is slowed down. (A connector client's
 * limit is tested where connectors may write: connector-service's ThrottlingTest.)
 */
@QuarkusTest
@TestProfile(BoundaryProfile.class)
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ThrottlingTest {

    @Test
    void aPersonPostingFasterThanTheLimitGets429WithRetryAfterAndAnotherPersonIsNotAffected() {
        String flooder = fresh("flo");
        String colleague = fresh("cole");
        for (int i = 0; i < BoundaryProfile.WRITES_BURST; i++) {
            as(flooder).body(Map.of("content", "message " + i)).post("/api/posts").then().statusCode(201);
        }

        Response refused = as(flooder).body(Map.of("content", "one too many")).post("/api/posts");

        refused.then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429)).body("title", equalTo("Too many requests"))
                .body("detail", startsWith(flooder + " has made more writes than allowed"))
                .body("instance", equalTo("/api/posts"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        as(colleague).body(Map.of("content", "Bonjour")).post("/api/posts").then().statusCode(201);
    }

    @Test
    void searchesHaveTheirOwnLimitAndWritesStillPass() {
        String reader = fresh("rea");
        for (int i = 0; i < BoundaryProfile.SEARCHES_BURST; i++) {
            as(reader).get("/api/feed/home").then().statusCode(200);
        }
        as(reader).get("/api/feed/home").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("more searches than allowed"));
        as(reader).body(Map.of("content", "still allowed to write")).post("/api/posts").then().statusCode(201);
    }
}
