package io.relais.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What goes wrong is said in the reader's language (the services are not running in this test). */
@QuarkusTest
class ErrorPagesTest {

    @Test
    void aServiceThatDoesNotAnswerIsExplainedInFrenchToAFrenchReader() {
        Response r = given().header(TestLogin.LOGIN, "alice").header(TestLogin.ROLES, "employee")
                .header("Accept-Language", "fr-FR,fr;q=0.9").get("/people/me/edit");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.asString()).contains("Le service ne répond pas pour le moment").doesNotContain("The service is not answering");
    }

    @Test
    void aForgedChangeIsRefusedInFrenchToAFrenchReader() {
        Response r = given().header(TestLogin.LOGIN, "alice").header(TestLogin.ROLES, "employee")
                .header("Accept-Language", "fr").header("Sec-Fetch-Site", "same-origin").formParam("content", "x").post("/posts");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.asString()).contains("Rechargez-la et réessayez");
    }
}
