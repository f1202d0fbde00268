package io.relais.web.layout;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An address whose query parameter does not convert to its type ({@code /feed/banner?count=abc}) was answered 404, as
 * if the page did not exist: it is refused with a 400 that names the parameter and its rule — the error page in the
 * reader's language, the status line for htmx, a problem+json for what is not a page.
 */
@QuarkusTest
class MalformedParametersTest {

    @Test
    void aBannerCountThatIsNotANumberIsTheErrorPageNamingTheParameter() {
        Response r = as("en").get("/feed/banner?count=abc");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.asString()).contains("<html lang=\"en\">", "Something went wrong",
                "This address is not valid: its parameter count must be a whole number.");
    }

    @Test
    void aFrenchReaderIsToldInFrench() {
        Response r = as("fr").get("/feed/banner?count=abc");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("<html lang=\"fr\">",
                "Cette adresse n&#39;est pas valide : son paramètre count doit être un nombre entier.");
    }

    @Test
    void aCountTooLargeForANumberIsToldItsRange() {
        Response r = as("en").get("/feed/banner?count=99999999999");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("its parameter count must be a whole number from -2147483648 to 2147483647.");
    }

    @Test
    void htmxIsToldInThePagesStatusLine() {
        Response r = as("en").header("HX-Request", "true").get("/feed/banner?count=abc");

        assertThat(r.header("HX-Retarget")).isEqualTo("#flash");
        assertThat(r.asString()).contains("its parameter count must be a whole number.");
    }

    @Test
    void aWellFormedCountStillShowsTheBannerAndAnUnknownAddressIsStillNotFound() {
        assertThat(as("en").get("/feed/banner?count=3").then().statusCode(200).extract().asString()).contains("3 new posts");
        assertThat(as("en").get("/feed/banner").then().statusCode(200).extract().asString()).doesNotContain("error-page");
        assertThat(as("en").get("/feed/no-such-page").statusCode()).isEqualTo(404);
    }

    @Test
    void whatIsNotAPageIsAProblemJsonNamingTheParameterAndTheRule() {
        Response r = as("fr").header("Accept", "application/json").get("/test-only/malformed?size=huge&kind=STRIPES");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getInt("status")).isEqualTo(400);
        assertThat(r.jsonPath().getString("detail")).isEqualTo("size must be a whole number");
        assertThat(r.jsonPath().getString("errors[0].field")).isEqualTo("size");
        assertThat(r.jsonPath().getString("instance")).isEqualTo("/test-only/malformed");

        Response kind = as("en").header("Accept", "application/json").get("/test-only/malformed?size=2&kind=STRIPES");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(kind.jsonPath().getString("detail")).isEqualTo("kind must be one of SQUARE, ROUND");
    }

    private static RequestSpecification as(String language) {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }

    /** Tests only: an endpoint that answers data, not a page, with a numeric and an enum query parameter. */
    @Path("/test-only/malformed")
    @RolesAllowed("employee")
    public static class DataEndpoint {

        /** The shapes {@code kind} accepts. */
        public enum Kind { SQUARE, ROUND }

        /** Echoes the parameters it was given. */
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String echo(@QueryParam("size") int size, @QueryParam("kind") Kind kind) {
            return "{\"size\":" + size + ",\"kind\":\"" + kind + "\"}";
        }
    }
}
