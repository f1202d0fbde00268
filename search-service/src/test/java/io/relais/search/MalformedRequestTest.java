package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RawHttp;
import io.relais.testing.RelaisTestResources;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request line or headers past service-kit's limits ({@code RequestLimits}) are answered as problem+json naming the
 * limit, before authentication (it was an empty 414 / 431 from Vert.x). Sent over a raw socket, byte for byte.
 * A bad percent-escape ({@code /api/posts/%zz}) is still an empty 400: Quarkus refuses it before any hook (see
 * service-kit's README).
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class MalformedRequestTest {

    /** "GET " + target + " HTTP/1.1" is exactly {@code length} bytes. */
    static String targetForRequestLine(int length) {
        String start = "/api/search?q=";
        return start + "a".repeat(length - "GET ".length() - " HTTP/1.1".length() - start.length());
    }

    @Test
    void aRequestLineOverTheLimitIs414ProblemJsonNamingTheLimit() {
        RawHttp.Answer a = RawHttp.get(RestAssured.port, targetForRequestLine(4097));

        assertThat(a.status()).isEqualTo(414);
        assertThat(a.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(a.body()).contains("\"status\":414").contains("\"title\":\"URI Too Long\"")
                .contains("\"detail\":\"the request line (method, address and HTTP version) is 4097 bytes long;"
                        + " this service accepts at most 4096 bytes\"");
    }

    @Test
    void aRequestLineAtTheLimitIsNotRefusedForItsLength() {
        // unauthenticated: the search itself is refused 401, which shows the length passed
        assertThat(RawHttp.get(RestAssured.port, targetForRequestLine(4096)).status()).isEqualTo(401);
    }

    @Test
    void headersOverTheLimitAre431ProblemJsonNamingTheLimit() {
        RawHttp.Answer a = RawHttp.get(RestAssured.port, "/api/search?q=x", "X-Padding: " + "p".repeat(25_000));

        assertThat(a.status()).isEqualTo(431);
        assertThat(a.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(a.body()).contains("\"status\":431").contains("\"title\":\"Request Header Fields Too Large\"")
                .containsPattern("\"detail\":\"the request's headers are \\d+ bytes in all; this service accepts at most 20480 bytes\"");
    }
}
