package io.relais.feed.boundary;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.events.Audience;
import io.relais.testing.RelaisTestResources;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A post body that names {@code audience} must name a community (docs/SECURITY.md §4: a mistake in the body is never
 * a post to the whole organisation). {@code null}, {@code {}} and {@code {"community": null}} are a 400 problem+json
 * naming the field, and nothing is published; only a body without {@code audience} is an organisation-wide post.
 */
@QuarkusTest
@TestProfile(BoundaryProfile.class)
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class NamedAudienceTest {

    private static final String REQUIRED = "is required: leave audience out to post to the whole organisation";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"content\": \"careless\", \"audience\": null}                | audience           | must be a JSON object",
            "{\"content\": \"careless\", \"audience\": {}}                  | audience.community | " + REQUIRED,
            "{\"content\": \"careless\", \"audience\": {\"community\": null}} | audience.community | " + REQUIRED,
    })
    void anAudienceThatNamesNoCommunityIsRefusedAndNothingIsPublished(String body, String field, String message) {
        String author = fresh("ines");
        Response r = as(author).body(body).post("/api/posts");
        r.then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(message))
                .body("detail", equalTo(field + " " + message));
        assertThat(r.asString()).doesNotContain("com.fasterxml", "java.", "Exception", "io.relais", "jackson");

        // a later post by the same author reaches their feed: the refused one would be there too had it been written
        String later = as(author).body(Map.of("content", "considered")).post("/api/posts").then().statusCode(201)
                .extract().path("id");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(contentsOf(author)).anySatisfy(c -> assertThat(c).contains("considered")));
        JsonPath feed = as(author).queryParam("limit", 50).get("/api/feed/people/{login}", author).then().statusCode(200)
                .extract().jsonPath();
        assertThat(feed.getList("items.post.id")).containsExactly(later);
        assertThat(feed.getList("items.post.content", String.class)).noneMatch(c -> c.contains("careless"));
        // the export lists every post the author wrote, whatever its audience
        JsonPath export = as(author).get("/api/exports/people/{login}", author).then().statusCode(200).extract().jsonPath();
        assertThat(export.getList("posts.id")).containsExactly(later);
    }

    @Test
    void aBodyWithoutAudienceStillPostsToTheWholeOrganisation() {
        String author = fresh("ines");
        as(author).body("{\"content\": \"Bonjour à tous\"}").post("/api/posts").then().statusCode(201)
                .body("audience", equalTo(List.of(Audience.ORGANISATION)))
                .body("community", equalTo(null));
    }

    @Test
    void anAudienceNamingACommunityIsStillCheckedAsBefore() {
        as(fresh("ines")).body("{\"content\": \"a\", \"audience\": {\"community\": \"\"}}").post("/api/posts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("audience.community"));
    }

    private static List<String> contentsOf(String author) {
        return as(author).queryParam("limit", 50).get("/api/feed/people/{login}", author).then().statusCode(200)
                .extract().jsonPath().getList("items.post.content", String.class);
    }
}
