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
 * Follow / Unfollow (a colleague, a community, a hashtag, a line of "Following") and the welcome panel's Join, Follow
 * and "Hide this panel" no longer drop the keyboard focus on {@code <body>} unannounced. As for reactions: the form
 * replaces itself under htmx and the pressed button keeps its id in the answer (htmx refocuses the element of the same
 * id after the swap), and the status region ({@code #flash}) says what happened. Before, each was a plain form post
 * that reloaded the page (focus back at its top), and the welcome panel's answers dropped the pressed button's id.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class FollowKeepsFocusTest {

    static final String FLASH = "<div id=\"flash\" hx-swap-oob=\"innerHTML\"><p class=\"flash-msg ok\">";

    @BeforeEach
    void script() {
        SERVICES.reset();
        // people no other test names: their display names are cached per login (layout/HrNames)
        SERVICES.on("GET /api/people/ines", 200, "{\"login\":\"ines\",\"displayName\":\"Inès Garnier\"}")
                .on("GET /api/people/ugo", 200, "{\"login\":\"ugo\",\"displayName\":\"Ugo Marchal\"}")
                .on("GET /api/people/emma", 200, """
                        {"login":"emma","displayName":"Emma Blanc","department":"Data","manager":"carol","skills":[],"languages":[]}""")
                .on("GET /api/people/emma/manager-chain", 200, "[{\"login\":\"carol\",\"displayName\":\"Carol Petit\"}]")
                .on("GET /api/people/carol/reports", 200, "[{\"login\":\"ugo\",\"displayName\":\"Ugo Marchal\"}]")
                .on("GET /api/communities/guild", 200, "{\"slug\":\"guild\",\"iri\":\"urn:relais:community:guild\",\"name\":\"Design guild\",\"visibility\":\"public\"}")
                .on("GET /api/communities/big", 200, "{\"slug\":\"big\",\"name\":\"Big room\",\"visibility\":\"public\"}")
                .on("GET /api/communities", 200, "[{\"slug\":\"big\",\"name\":\"Big room\",\"visibility\":\"public\",\"memberCount\":40,\"myStatus\":\"none\"}]")
                .on("GET /api/follows/mine", 200, "{\"persons\":[],\"communities\":[],\"hashtags\":[]}");
    }

    @Test
    void followingAColleagueKeepsTheFocusOnTheButtonAndSaysSo() {
        String html = htmx("en").formParam("following", "false").post("/people/ines/follow").then().statusCode(200).extract().asString();

        assertThat(html).contains("hx-post=\"/people/ines/follow\" hx-target=\"this\" hx-swap=\"outerHTML\"",
                        "<span class=\"chip\" id=\"follow-state\">Following ✓</span>",
                        "<button class=\"btn\" type=\"submit\" id=\"follow-button\">Unfollow</button>",
                        FLASH + "You follow Inès Garnier.</p></div>")
                .doesNotContain("<html");
        assertThat(SERVICES.lines()).contains("PUT /api/follows/person/ines");

        String back = htmx("fr").formParam("following", "true").post("/people/ines/follow").then().statusCode(200).extract().asString();
        assertThat(back).contains("id=\"follow-button\">Suivre</button>", FLASH + "Vous ne suivez plus Inès Garnier.</p></div>")
                .doesNotContain("follow-state");
    }

    @Test
    void theProfilePageSendsItsFollowButtonByHtmx() {
        String page = as("en").get("/people/ines").then().statusCode(200).extract().asString();

        assertThat(page).contains("<form method=\"post\" action=\"/people/ines/follow\" hx-post=\"/people/ines/follow\" hx-target=\"this\" hx-swap=\"outerHTML\"");
    }

    @Test
    void followingACommunityOrAHashtagDoesTheSame() {
        String community = htmx("en").formParam("following", "false").post("/communities/guild/follow").then().statusCode(200).extract().asString();
        assertThat(community).contains("id=\"follow-button\">Unfollow</button>", FLASH + "You follow Design guild.</p></div>");

        String hashtag = htmx("en").formParam("following", "true").post("/hashtags/kafka/follow").then().statusCode(200).extract().asString();
        assertThat(hashtag).contains("id=\"follow-button\">Follow</button>", FLASH + "You no longer follow #kafka.</p></div>");
        assertThat(SERVICES.lines()).contains("PUT /api/follows/community/guild", "DELETE /api/follows/hashtag/kafka");
    }

    @Test
    void withoutHtmxTheFormStillGoesBackToThePage() {
        Response r = withToken("en").formParam("following", "false").post("/people/ines/follow");

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/people/ines");
    }

    @Test
    void aLineOfFollowingBecomesFollowAgainUnderTheSameButtonId() {
        String unfollowed = htmx("en").formParam("kind", "person").formParam("id", "ines").formParam("following", "true")
                .post("/following").then().statusCode(200).extract().asString();

        assertThat(unfollowed).contains("<button class=\"btn\" type=\"submit\" id=\"unfollow-person-ines\" aria-label=\"Follow Inès Garnier\">Follow</button>",
                "<input type=\"hidden\" name=\"following\" value=\"false\">", FLASH + "You no longer follow Inès Garnier.</p></div>");

        String again = htmx("en").formParam("kind", "person").formParam("id", "ines").formParam("following", "false")
                .post("/following").then().statusCode(200).extract().asString();
        assertThat(again).contains("id=\"unfollow-person-ines\" aria-label=\"Unfollow Inès Garnier\">Unfollow</button>",
                FLASH + "You follow Inès Garnier.</p></div>");
        assertThat(SERVICES.lines()).containsSubsequence("DELETE /api/follows/person/ines", "PUT /api/follows/person/ines");
    }

    @Test
    void theWelcomePanelKeepsTheFollowedColleagueUnderThePressedButtonsId() {
        String html = htmx("en", "emma").post("/welcome/follow/ugo").then().statusCode(200).extract().asString();

        assertThat(html).contains("<span class=\"chip\" id=\"welcome-follow-ugo\" tabindex=\"-1\">Following ✓</span>",
                "id=\"welcome-follow-carol\"", FLASH + "You follow Ugo Marchal.</p></div>");

        String joined = htmx("en", "emma").post("/welcome/join/big").then().statusCode(200).extract().asString();
        assertThat(joined).contains("<span class=\"chip\" id=\"welcome-join-big\" tabindex=\"-1\">Member ✓</span>",
                FLASH + "You joined Big room.</p></div>");
    }

    @Test
    void hidingTheWelcomePanelSaysSo() {
        String html = htmx("fr", "emma").post("/welcome/hide").then().statusCode(200).extract().asString();

        assertThat(html).isEqualTo(FLASH + "Le panneau d&#39;accueil est masqué.</p></div>\n");
    }

    private static RequestSpecification htmx(String language) {
        return htmx(language, "alice");
    }

    private static RequestSpecification htmx(String language, String login) {
        return withToken(language, login).header("HX-Request", "true");
    }

    private static RequestSpecification withToken(String language) {
        return withToken(language, "alice");
    }

    private static RequestSpecification withToken(String language, String login) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as(language, login).get("/following").asString());
        assertThat(token.find()).isTrue();
        return as(language, login).header("Sec-Fetch-Site", "same-origin").header("X-CSRF-Token", token.group(1));
    }

    private static RequestSpecification as(String language) {
        return as(language, "alice");
    }

    private static RequestSpecification as(String language, String login) {
        return given().header("X-Test-Login", login).header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }
}
