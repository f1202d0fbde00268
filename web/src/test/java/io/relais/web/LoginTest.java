package io.relais.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class LoginTest {

    @Test
    void anonymousVisitorSeesTheLandingPageWithALoginButton() {
        String page = given().get("/").then().statusCode(200).extract().asString();

        assertThat(page).contains("href=\"/login\"").doesNotContain("id=\"composer\"");
    }

    @Test
    void loggingInRedirectsToKeycloakWithPkce() {
        Response r = given().redirects().follow(false).get("/login");

        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.header("Location");
        assertThat(location).startsWith("http://localhost:8180/realms/relais/protocol/openid-connect/auth")
                .contains("client_id=relais-web", "response_type=code", "code_challenge=", "code_challenge_method=S256");
    }

    @Test
    void anyOtherPageNeedsALogin() {
        for (String path : new String[]{"/communities", "/notifications", "/search?q=x", "/people/alice", "/feed/items"}) {
            Response r = given().redirects().follow(false).get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.header("Location")).as(path).contains("/protocol/openid-connect/auth");
        }
    }

    @Test
    void theLiveStreamAndActionsAreNotOpenToAnonymousCallers() {
        assertThat(given().redirects().follow(false).get("/live").statusCode()).isIn(302, 401);
        assertThat(given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").formParam("content", "hi")
                .post("/posts").statusCode()).isIn(302, 401);
    }

    @Test
    void theUiSpeaksFrenchToAFrenchBrowser() {
        String fr = given().header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").get("/").asString();
        String en = given().header("Accept-Language", "en-GB,en;q=0.9").get("/").asString();

        assertThat(fr).contains("lang=\"fr\"", "Se connecter");
        assertThat(en).contains("lang=\"en\"", "Log in");
    }
}
