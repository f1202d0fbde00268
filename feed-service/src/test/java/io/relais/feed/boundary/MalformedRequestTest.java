package io.relais.feed.boundary;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RawHttp;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * service-kit's request limits hold in feed-service too, for a signed-in person: a request line or headers past them
 * are a 414 / 431 problem+json naming the limit (they were empty answers from Vert.x). Sent over a raw socket.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class MalformedRequestTest {

    private static final String TOKEN = "Authorization: Bearer " + TestTokens.employee("ines");

    @Test
    void aLongQueryStringIs414ProblemJson() {
        RawHttp.Answer a = RawHttp.get(RestAssured.port, "/api/posts?after=" + "a".repeat(5000), TOKEN);

        assertThat(a.status()).isEqualTo(414);
        assertThat(a.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(a.body()).contains("\"type\":\"https://relais.dev/problems/uri-too-long\"")
                .contains("\"detail\":\"the request line (method, address and HTTP version) is 5030 bytes long;"
                        + " this service accepts at most 4096 bytes\"");
    }

    @Test
    void aMissingBodyIsSaidToBeMissingNotNamedAfterAJavaParameter() {
        for (String[] call : new String[][] {{"PUT", "/api/posts/p-1/reactions/mine"}, {"POST", "/api/posts"},
                {"POST", "/api/communities"}}) {
            RestAssured.given().auth().oauth2(TestTokens.employee("ines")).contentType("application/json")
                    .request(call[0], call[1]).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.contains("body"))
                    .body("errors.message", org.hamcrest.Matchers.contains("a JSON body is required"));
        }
    }

    @Test
    void oversizedHeadersAre431ProblemJson() {
        RawHttp.Answer a = RawHttp.get(RestAssured.port, "/api/posts", TOKEN, "Cookie: " + "c".repeat(30_000));

        assertThat(a.status()).isEqualTo(431);
        assertThat(a.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(a.body()).contains("\"type\":\"https://relais.dev/problems/headers-too-large\"")
                .contains("this service accepts at most 20480 bytes");
    }
}
