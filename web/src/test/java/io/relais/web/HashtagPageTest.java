package io.relais.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hashtag path that names no hashtag (finding F2: these answered 500) is the reader's "not found" page,
 * decided before any service is asked (feed-service is not running in this test).
 */
@QuarkusTest
class HashtagPageTest {

    @ParameterizedTest
    @ValueSource(strings = {"a%20b", "x%2Fy", "%3Cimg%20src%3Dx%3E", "1abc", "%23", "a-b"})
    void aPathThatIsNotAHashtagIsTheLocalisedNotFoundPage(String encodedTag) {
        Response r = asAlice().header("Accept-Language", "fr").get("/hashtags/" + encodedTag);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.asString()).contains("Introuvable, ou vous n&#39;avez pas le droit de le voir.")
                .doesNotContain("<img src=x>", "Internal Server Error");
    }

    @Test
    void aTagLongerThanFiftyCharactersIsNotAHashtag() {
        Response r = asAlice().get("/hashtags/" + "k".repeat(51));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.asString()).contains("Not found, or you are not allowed to see it.");
    }

    @Test
    void theNextItemsOfANonHashtagAreNotFoundEither() {
        assertThat(asAlice().get("/hashtags/a%20b/items").statusCode()).isEqualTo(404);
    }

    @Test
    void aWellFormedTagWithAccentsAndDigitsIsAskedOfTheFeedService() {
        // the feed-service is unreachable here: reaching it at all shows the tag passed the rule
        Response r = asAlice().get("/hashtags/%C3%89t%C3%A9_2026");

        assertThat(r.statusCode()).isEqualTo(503);
    }

    private static RequestSpecification asAlice() {
        return given().urlEncodingEnabled(false).redirects().follow(false)
                .header(TestLogin.LOGIN, "alice").header(TestLogin.ROLES, "employee");
    }
}
