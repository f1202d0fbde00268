package io.relais.web.community;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** "Following" lists the people, communities and hashtags I follow, by name, each with its own Unfollow. */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class FollowingPageTest {

    @BeforeEach
    void aliceFollowsOneOfEach() {
        SERVICES.reset();
        SERVICES.on("GET /api/follows/mine", 200, """
                        {"persons":[{"iri":"urn:relais:person:carol","login":"carol","displayName":"Carol Petit"}],
                         "communities":["urn:relais:community:guild","urn:relais:community:gone"],"hashtags":["urn:relais:hashtag:kafka"]}""")
                .on("GET /api/communities/guild", 200, "{\"slug\":\"guild\",\"name\":\"Design guild\"}")
                .on("GET /api/communities/gone", 404, "{\"status\":404}");
    }

    @Test
    void everyFollowIsListedByNameWithItsUnfollowButton() {
        String html = given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", "en")
                .get("/following").then().statusCode(200).extract().asString();

        assertThat(html).contains(">Carol Petit</a>", "id=\"unfollow-person-carol\"", ">Design guild</a>",
                "id=\"unfollow-community-guild\"", "id=\"unfollow-community-gone\"", ">#kafka</a>",
                "id=\"unfollow-hashtag-kafka\"", "aria-label=\"Unfollow #kafka\"");
    }

    @Test
    void unfollowingACommunityAsksFeedServiceAndComesBackToTheList() {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(
                given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").get("/following").asString());
        assertThat(token.find()).isTrue();

        Response r = given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Sec-Fetch-Site", "same-origin")
                .redirects().follow(false).formParam("_csrf", token.group(1)).formParam("kind", "community").formParam("id", "guild")
                .post("/following/unfollow");

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/following");
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("DELETE /api/follows/community/guild"));
    }
}
