package io.relais.web.onboarding;

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
 * A new employee's welcome panel: which profile fields are missing, public communities to join (most members
 * first, not the ones joined), colleagues from the org chart to follow (manager, peers, department; not me, not
 * whom I follow); it goes away when hidden or when everything is done.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class WelcomePanelTest {

    @BeforeEach
    void emmaJustArrived() {
        SERVICES.reset();
        SERVICES.on("GET /api/people/emma", 200, """
                        {"login":"emma","displayName":"Emma Blanc","department":"Data","manager":"carol","title":"Analyst",
                         "skills":[],"languages":["fr"],"location":"Lyon"}""")
                .on("GET /api/people/emma/manager-chain", 200, "[{\"login\":\"carol\",\"displayName\":\"Carol Petit\",\"title\":\"Head of data\"}]")
                .on("GET /api/people/carol/reports", 200, """
                        [{"login":"emma","displayName":"Emma Blanc"},{"login":"dave","displayName":"Dave Leroy","title":"Data engineer"},
                         {"login":"zoe","displayName":"Zoé Marin","status":"left"}]""")
                .on("GET /api/people", 200, "{\"items\":[{\"login\":\"farid\",\"displayName\":\"Farid Haddad\"},{\"login\":\"dave\",\"displayName\":\"Dave Leroy\"}]}")
                .on("GET /api/communities", 200, """
                        [{"slug":"small","name":"Small talk","visibility":"public","memberCount":3,"myStatus":"none"},
                         {"slug":"big","name":"Big room","visibility":"public","memberCount":40,"myStatus":"none"},
                         {"slug":"hidden","name":"Board","visibility":"private","memberCount":90,"myStatus":"none"},
                         {"slug":"mine","name":"Mine","visibility":"public","memberCount":99,"myStatus":"member"}]""")
                .on("GET /api/follows/mine", 200, "{\"persons\":[{\"login\":\"farid\"}],\"communities\":[],\"hashtags\":[]}");
    }

    @Test
    void theMissingProfileFieldsAreNamed() {
        String html = as("en").get("/welcome").then().statusCode(200).extract().asString();

        assertThat(html).contains("Welcome to Relais, Emma Blanc!", "Still missing: a photo, a short bio, your skills, a phone number.");
    }

    @Test
    void publicCommunitiesNotJoinedAreSuggestedMostPopulatedFirst() {
        String html = as("en").get("/welcome").asString();

        assertThat(html).contains("id=\"welcome-join-big\"", "id=\"welcome-join-small\"")
                .doesNotContain("welcome-join-hidden", "welcome-join-mine");
        assertThat(html.indexOf("welcome-join-big")).isLessThan(html.indexOf("welcome-join-small"));
    }

    @Test
    void colleaguesComeFromTheOrgChartWithoutMeNorWhomIFollowNorWhoLeft() {
        String html = as("en").get("/welcome").asString();

        assertThat(html).contains("id=\"welcome-follow-carol\"", "id=\"welcome-follow-dave\"")
                .doesNotContain("welcome-follow-emma", "welcome-follow-farid", "welcome-follow-zoe");
    }

    @Test
    void aFrenchNewcomerIsWelcomedInFrench() {
        String html = as("fr").get("/welcome").asString();

        assertThat(html).contains("Bienvenue sur Relais, Emma Blanc !", "Il manque encore : une photo");
    }

    @Test
    void followingAColleagueFromThePanelAsksFeedServiceAndAnswersThePanelAgain() {
        Response r = as("en").header("Sec-Fetch-Site", "same-origin").header("HX-Request", "true")
                .header("X-CSRF-Token", token()).post("/welcome/follow/dave");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("id=\"welcome\"");
        assertThat(SERVICES.lines()).contains("PUT /api/follows/person/dave");
    }

    @Test
    void hidingThePanelIsKeptByFeedServiceNotByABrowserCookie() {
        Response hidden = as("en").header("Sec-Fetch-Site", "same-origin").header("HX-Request", "true")
                .header("X-CSRF-Token", token()).post("/welcome/hide");

        assertThat(hidden.statusCode()).isEqualTo(200);
        assertThat(hidden.asString()).as("the panel goes; only the status region's sentence comes back")
                .doesNotContain("id=\"welcome\"").contains("The welcome panel is hidden.");
        assertThat(hidden.getCookies()).isEmpty();
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("PUT /api/me/onboarding") && c.body().replace(" ", "").equals("{\"dismissed\":true}"));
    }

    @Test
    void aPanelFeedServiceSaysWasDismissedIsNotShownInAnyBrowser() {
        SERVICES.on("GET /api/me/onboarding", 200, "{\"dismissed\":true,\"dismissedAt\":\"2026-11-30T09:00:00Z\"}");

        assertThat(as("en").get("/welcome").asString()).isEmpty();
    }

    @Test
    void whenFeedServiceCannotSayThePanelIsShown() {
        SERVICES.on("GET /api/me/onboarding", 503, "{\"status\":503}");

        assertThat(as("en").get("/welcome").asString()).contains("id=\"welcome\"");
    }

    @Test
    void nothingIsShownOnceEverythingIsDone() {
        SERVICES.on("GET /api/people/emma", 200, """
                        {"login":"emma","displayName":"Emma Blanc","bio":"Hi","skills":[{"name":"SQL"}],"languages":["fr"],
                         "location":"Lyon","phone":"+33 1","photoUrl":"http://x/p.jpg"}""")
                .on("GET /api/communities", 200, "[{\"slug\":\"mine\",\"visibility\":\"public\",\"myStatus\":\"member\"}]");

        assertThat(as("en").get("/welcome").asString()).isEmpty();
    }

    private static RequestSpecification as(String language) {
        return given().header("X-Test-Login", "emma").header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }

    private static String token() {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as("en").get("/welcome").asString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
