package io.relais.feed.boundary;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * One input rule for every service (issue 12, service-kit's StrictJson and ProblemMappers), seen through
 * feed-service's REST API: wrong JSON types, deep nesting, oversized bodies and unconvertible parameters are
 * each a 4xx problem+json naming the field and the rule, never a 500 and never Java or Jackson internals.
 */
@QuarkusTest
@TestProfile(BoundaryProfile.class)
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class StrictInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"content\": 123}                                     | content            | must be a string",
            "{\"content\": true}                                    | content            | must be a string",
            "{\"content\": \"a\", \"audience\": {\"community\": 7}} | audience.community | must be a string",
            "{\"content\": \"a\", \"audience\": \"tech\"}           | audience           | must be a JSON object",
            "{\"content\": \"a\", \"attachments\": [\"x\", 1]}      | attachments[1]     | must be a string",
            "{\"content\": \"a\", \"content\": \"b\"}               | content            | is given twice",
            "{\"content\": \"a\"                                    | $                  | is not valid JSON: it ends before the object is closed (line 1, column 16)",
    })
    void aBodyOfTheWrongShapeIsA400NamingTheField(String body, String field, String message) {
        Response r = as(fresh("ines")).body(body).post("/api/posts");
        r.then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("errors[0].message", startsWith(message.split(" \\(")[0]));
        assertNoInternals(r);
    }

    @Test
    void nestingDeeperThanTheLimitIsA400() {
        String deep = "{\"content\": \"a\", \"audience\": " + "{\"x\":".repeat(40) + "1" + "}".repeat(40) + "}";
        Response r = as(fresh("ines")).body(deep).post("/api/posts");
        r.then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("$"))
                .body("errors[0].message", startsWith("nests objects or arrays deeper than allowed"));
        assertNoInternals(r);
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemNamingTheLimit() {
        String big = "{\"content\": \"" + "x".repeat(BoundaryProfile.MAX_BODY + 1000) + "\"}";
        Response r = as(fresh("ines")).body(big).post("/api/posts");
        r.then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("detail", startsWith("the request body is")).body("errors[0].field", equalTo("$"));
    }

    @Test
    void aQueryParameterThatIsNotANumberIsA400NamingItNotA404() {
        String reader = fresh("ines");
        String post = as(reader).body(java.util.Map.of("content", "Bonjour")).post("/api/posts").then().statusCode(201)
                .extract().path("id");
        Response r = as(reader).get("/api/posts/{id}?limit=abc", io.relais.events.Iri.localId(post));
        r.then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit")).body("errors[0].message", equalTo("must be a whole number"));
        assertNoInternals(r);
    }

    private static void assertNoInternals(Response r) {
        assertThat(r.asString()).doesNotContain("com.fasterxml", "java.", "Exception", "io.relais", "jackson");
    }
}
