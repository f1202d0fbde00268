package io.relais.web.people;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A profile without posts says so about that person, not the home feed's advice to join communities. */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class ProfileEmptyStateTest {

    @BeforeEach
    void reset() {
        SERVICES.reset();
        SERVICES.on("GET /api/people/bob", 200, """
                {"login":"bob","displayName":"Bob <i>Martin</i>","skills":[]}""");
        SERVICES.on("GET /api/people/alice", 200, """
                {"login":"alice","displayName":"Alice Martin","skills":[]}""");
        SERVICES.on("GET /api/feed/people/bob", 200, """
                {"items":[]}""");
        SERVICES.on("GET /api/feed/people/alice", 200, """
                {"items":[]}""");
    }

    @Test
    void aColleagueWhoHasNotPostedSaysSoByName() {
        String html = as("en").get("/people/bob").then().statusCode(200).extract().asString();

        assertThat(html).contains("Bob &lt;i&gt;Martin&lt;/i&gt; has not posted yet.").doesNotContain("Join a community");
    }

    @Test
    void inFrenchToo() {
        String html = as("fr").get("/people/bob").then().statusCode(200).extract().asString();

        assertThat(html).contains("Bob &lt;i&gt;Martin&lt;/i&gt; n&#39;a encore rien publié.").doesNotContain("Rejoignez une communauté");
    }

    @Test
    void myOwnProfileSaysIHaveNotPostedYet() {
        String html = as("en").get("/people/alice").then().statusCode(200).extract().asString();

        assertThat(html).contains("You have not posted yet.").doesNotContain("Join a community");
    }

    private static RequestSpecification as(String language) {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }
}
