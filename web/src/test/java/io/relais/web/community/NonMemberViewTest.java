package io.relais.web.community;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a private or secret community's page says to someone who is not a member: an invitee reads who invited them
 * and that accepting shows the posts (never "ask to join"), and no one outside is shown a member count above an empty
 * list. feed-service is scripted ({@link ScriptedServices}).
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class NonMemberViewTest {

    static final String COMMUNITY = """
            {"iri":"urn:relais:community:qa-%1$s","slug":"qa-%1$s","name":"QA %1$s","description":"",
             "visibility":"%1$s","archived":false,"memberCount":1,"myRole":"","myStatus":"%2$s","pins":[]}""";
    static final String ALICES_INVITATION = """
            {"items":[{"id":"n1","kind":"mention","actor":{"login":"bob","displayName":"Bob Martin"},
              "object":"urn:relais:comment:c1","post":"urn:relais:post:p1","community":"urn:relais:community:qa-public",
              "at":"2026-11-20T09:20:00Z","read":false},
             {"id":"n2","kind":"invitation","actor":{"login":"alice","displayName":"Alice <Dubois>"},
              "object":"urn:relais:community:qa-secret","community":"urn:relais:community:qa-secret",
              "communityName":"QA secret","at":"2026-11-20T09:15:00Z","read":false}],"next":null,"unread":2}""";

    @BeforeEach
    void reset() {
        SERVICES.reset();
        SERVICES.on("GET /api/follows/mine", 200, "{\"persons\":[],\"communities\":[],\"hashtags\":[]}");
    }

    @Test
    void anInviteeReadsWhoInvitedThemAndThatAcceptingShowsThePosts() {
        SERVICES.on("GET /api/communities/qa-secret", 200, COMMUNITY.formatted("secret", "invited"))
                .on("GET /api/notifications", 200, ALICES_INVITATION);

        String html = as("en").get("/communities/qa-secret").then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"accept-invitation\"",
                "Alice &lt;Dubois&gt; invited you to this secret community. Accept to see its posts.")
                .doesNotContain("Ask to join", "This community is private", "<Dubois>");
    }

    @Test
    void anInviteeWhoseInviterIsNotKnownIsStillToldToAccept() {
        SERVICES.on("GET /api/communities/qa-secret", 200, COMMUNITY.formatted("secret", "invited"))
                .on("GET /api/notifications", 200, "{\"items\":[],\"next\":null,\"unread\":0}");

        String en = as("en").get("/communities/qa-secret").then().statusCode(200).extract().asString();
        String fr = as("fr").get("/communities/qa-secret").then().statusCode(200).extract().asString();

        assertThat(en).contains("You are invited to this secret community. Accept to see its posts.")
                .doesNotContain("Ask to join");
        assertThat(fr).contains("Une invitation vous attend dans cette communauté secrète. Acceptez-la pour voir ses publications.")
                .doesNotContain("Demandez à la rejoindre");
    }

    @Test
    void aNonMemberIsToldOnlyMembersSeeTheMembersRatherThanShownAnEmptyList() {
        SERVICES.on("GET /api/communities/qa-private", 200, COMMUNITY.formatted("private", "none"));

        String en = as("en").get("/communities/qa-private").then().statusCode(200).extract().asString();
        String fr = as("fr").get("/communities/qa-private").then().statusCode(200).extract().asString();

        assertThat(en).contains("Ask to join to see its posts.", "Only members can see who is in it.")
                .doesNotContain("Members (1)");
        assertThat(fr).contains("Seuls ses membres voient qui en fait partie.").doesNotContain("Membres (1)");
        assertThat(SERVICES.lines()).doesNotContain("GET /api/communities/qa-private/members", "GET /api/notifications");
    }

    @Test
    void onlyAMemberIsOfferedToFollowAPrivateOrSecretCommunityAsFeedServiceAllows() {
        SERVICES.on("GET /api/communities/qa-private", 200, COMMUNITY.formatted("private", "none"))
                .on("GET /api/communities/qa-secret", 200, COMMUNITY.formatted("secret", "invited"))
                .on("GET /api/notifications", 200, "{\"items\":[],\"next\":null,\"unread\":0}")
                .on("GET /api/communities/qa-public", 200, COMMUNITY.formatted("public", "none"));

        assertThat(as("en").get("/communities/qa-private").then().statusCode(200).extract().asString())
                .as("a non-member of a private community").doesNotContain("id=\"follow-button\"");
        assertThat(as("en").get("/communities/qa-secret").then().statusCode(200).extract().asString())
                .as("an invitee of a secret community").doesNotContain("id=\"follow-button\"");
        assertThat(as("en").get("/communities/qa-public").then().statusCode(200).extract().asString())
                .as("anyone, on a public community").contains("id=\"follow-button\"");

        SERVICES.on("GET /api/communities/qa-private", 200, COMMUNITY.formatted("private", "member"));
        assertThat(as("en").get("/communities/qa-private").then().statusCode(200).extract().asString())
                .as("a member of a private community").contains("id=\"follow-button\"");
    }

    @Test
    void someoneWhoStillFollowsAPrivateCommunityTheyLeftMayUnfollowIt() {
        SERVICES.on("GET /api/communities/qa-private", 200, COMMUNITY.formatted("private", "none"))
                .on("GET /api/follows/mine", 200,
                        "{\"persons\":[],\"communities\":[\"urn:relais:community:qa-private\"],\"hashtags\":[]}");

        assertThat(as("en").get("/communities/qa-private").then().statusCode(200).extract().asString())
                .contains("id=\"follow-button\"", "id=\"follow-state\"");
    }

    @Test
    void someoneWhoAskedIsToldTheRequestWaitsNotToAskAgain() {
        SERVICES.on("GET /api/communities/qa-private", 200, COMMUNITY.formatted("private", "pending"));

        String en = as("en").get("/communities/qa-private").then().statusCode(200).extract().asString();
        String fr = as("fr").get("/communities/qa-private").then().statusCode(200).extract().asString();

        assertThat(en).contains("Request sent — waiting for a moderator",
                "You will see its posts once a moderator accepts your request.").doesNotContain("Ask to join");
        assertThat(fr).contains("dès qu&#39;un modérateur aura accepté votre demande", "Demande envoyée")
                .doesNotContain("Demandez à la rejoindre");
    }

    /**
     * An archived community takes no member (feed-service answers 409 to a join and to an accepted invitation): its
     * page offers neither and says it is archived; an invitee may still decline.
     */
    @Test
    void anArchivedCommunityOffersNoJoinNorAcceptButSaysItIsArchived() {
        SERVICES.on("GET /api/communities/qa-public", 200, COMMUNITY.formatted("public", "none").replace("\"archived\":false", "\"archived\":true"))
                .on("GET /api/communities/qa-secret", 200, COMMUNITY.formatted("secret", "invited").replace("\"archived\":false", "\"archived\":true"))
                .on("GET /api/notifications", 200, ALICES_INVITATION);

        String outsider = as("en").get("/communities/qa-public").then().statusCode(200).extract().asString();
        String invitee = as("en").get("/communities/qa-secret").then().statusCode(200).extract().asString();

        assertThat(outsider).contains("id=\"archived-notice\"").doesNotContain("id=\"join\"", "id=\"request-join\"");
        assertThat(invitee).contains("id=\"archived-notice\"", "action=\"/communities/qa-secret/invitation/decline\"")
                .doesNotContain("id=\"accept-invitation\"", "Accept to see its posts");
    }

    private static RequestSpecification as(String language) {
        return given().header("X-Test-Login", "carol").header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }
}
