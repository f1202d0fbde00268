package io.relais.web.layout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal says what it is: an admin-only page tells a community manager it is for administrators (not "for community
 * managers and administrators", which they are), and an action feed-service refuses with 403 on a community the person
 * can see reads "not allowed", never "not found".
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class RefusalMessagesTest {

    @BeforeEach
    void reset() {
        SERVICES.reset();
    }

    @Test
    void aCommunityManagerOpeningTheAuditLogIsToldItIsForAdministrators() {
        String html = as("bob", "employee,community-manager", "en").get("/moderation/audit").then().statusCode(403).extract().asString();

        assertThat(html).contains("This page is for administrators.").doesNotContain("community managers");
    }

    @Test
    void aCommunityManagerOpeningTheKeywordRulesIsToldInFrenchTheyAreForAdministrators() {
        String html = as("bob", "employee,community-manager", "fr").get("/moderation/rules").then().statusCode(403).extract().asString();

        assertThat(html).contains("Cette page est réservée aux administrateurs.").doesNotContain("animateurs");
    }

    @Test
    void anEmployeeOpeningTheDashboardIsStillToldItIsForCommunityManagersAndAdministrators() {
        String html = as("alice", "employee", "en").get("/dashboard").then().statusCode(403).extract().asString();

        assertThat(html).contains("This page is for community managers and administrators.");
    }

    @Test
    void aMemberRemovingSomeoneFeedServiceRefusesWith403IsToldTheyAreNotAllowed() {
        SERVICES.on("DELETE /api/communities/atlas/members/carol", 403, """
                {"type":"about:blank","title":"Forbidden","status":403,"detail":"only owners and moderators remove members"}""");

        Response r = post("alice", "en", "/communities/atlas/members/carol/remove");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.asString()).contains("You are not allowed to do this.").doesNotContain("Not found");
    }

    @Test
    void aMemberChangingARoleIsToldInFrenchTheyAreNotAllowed() {
        SERVICES.on("PUT /api/communities/atlas/members/carol/role", 403, "");

        Response r = post("alice", "fr", "/communities/atlas/members/carol/role", "role", "moderator");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.asString()).contains("Vous n&#39;avez pas le droit de faire cela.").doesNotContain("Introuvable");
    }

    @Test
    void aCommunityFeedServiceDoesNotShowIsStillNotFound() {
        SERVICES.on("DELETE /api/communities/hidden/members/carol", 404, "");

        Response r = post("alice", "en", "/communities/hidden/members/carol/remove");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.asString()).contains("Not found, or you are not allowed to see it.");
    }

    static RequestSpecification as(String login, String roles, String language) {
        return given().header("X-Test-Login", login).header("X-Test-Roles", roles).header("Accept-Language", language)
                .redirects().follow(false);
    }

    /** A same-origin form post from the page, carrying the session's token as the page's own forms do. */
    private static Response post(String login, String language, String path, String... fields) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as(login, "employee", language).get("/").asString());
        assertThat(m.find()).as("a form token on the home page").isTrue();
        RequestSpecification request = as(login, "employee", language).header("Sec-Fetch-Site", "same-origin")
                .formParam("_csrf", m.group(1));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path);
    }
}
