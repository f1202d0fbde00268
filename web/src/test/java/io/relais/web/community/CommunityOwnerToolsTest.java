package io.relais.web.community;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a community's owner can do from its page — pins, settings, roles, removal, archive, invitations by name — and
 * how refusals read: next to the control, in the reader's language, never an error page. feed-, profile- and
 * search-service are scripted ({@link ScriptedServices}) so each situation is exactly the one a test names.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class CommunityOwnerToolsTest {

    static final String GUILD = """
            {"iri":"urn:relais:community:guild","slug":"guild","name":"Design guild","description":"UX and research",
             "visibility":"public","archived":false,"memberCount":2,"myRole":"%s","myStatus":"member","pins":[]}""";
    static final String MEMBERS = """
            {"community":"urn:relais:community:guild","count":2,"members":[
             {"person":{"iri":"urn:relais:person:alice","login":"alice","displayName":"Alice Martin"},"role":"owner"},
             {"person":{"iri":"urn:relais:person:bob","login":"bob","displayName":"Bob Durand"},"role":"member"}]}""";
    static final String FEED = """
            {"items":[{"post":{"id":"urn:relais:post:p-1","kind":"post","author":{"login":"bob","displayName":"Bob Durand"},
             "created":"2026-11-30T10:00:00Z","content":"<p>Kick-off notes</p>","reactions":{},"pinned":false,
             "community":{"slug":"guild","name":"Design guild"}}}]}""";

    @BeforeEach
    void aCommunityAliceOwns() {
        SERVICES.reset();
        asRole("owner");
        SERVICES.on("GET /api/communities/guild/members", 200, MEMBERS)
                .on("GET /api/feed/communities/guild", 200, FEED)
                .on("GET /api/follows/mine", 200, "{\"persons\":[],\"communities\":[],\"hashtags\":[]}");
    }

    @Test
    void anOwnerSeesPinRoleRemovalAndSettingsControls() {
        String html = as("en").get("/communities/guild").then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"settings-link\"", "id=\"pin-p-1\">Pin</button>", "id=\"set-role-bob\"",
                "id=\"remove-bob\"", "id=\"invite-person\"");
    }

    @Test
    void aPlainMemberSeesNoOwnerControls() {
        asRole("member");

        String html = as("en").get("/communities/guild").then().statusCode(200).extract().asString();

        assertThat(html).doesNotContain("settings-link", "id=\"pin-p-1\"", "set-role-bob", "remove-bob", "pending-invitations");
        // feed-service refuses them the pending invitations (403): the page does not ask
        assertThat(SERVICES.calls()).noneMatch(c -> c.line().startsWith("GET /api/communities/guild/invitations"));
    }

    @Test
    void anOwnerSeesWhoIsInvitedAndWithdrawsAnInvitationSentByMistake() {
        SERVICES.on("GET /api/communities/guild/invitations", 200, """
                [{"iri":"urn:relais:person:carol","login":"carol","displayName":"Carol <b>Petit</b>"}]""")
                .on("DELETE /api/communities/guild/invitations/carol", 204, "");

        String html = as("en").get("/communities/guild").then().statusCode(200).extract().asString();
        assertThat(html).contains("id=\"pending-invitations\"", "Pending invitations", "Carol &lt;b&gt;Petit&lt;/b&gt;",
                "action=\"/communities/guild/invitations/carol/withdraw\"", "id=\"withdraw-carol\">Withdraw</button>");

        Response r = post("en", "/communities/guild/invitations/carol/withdraw", Map.of());

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/communities/guild");
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("DELETE /api/communities/guild/invitations/carol"));
    }

    @Test
    void theLastOwnerLeavingIsExplainedOnTheCommunityPage() {
        SERVICES.on("POST /api/communities/guild/leave", 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"the last owner cannot leave; make someone else owner first\"}");

        Response r = post("en", "/communities/guild/leave", Map.of());

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.asString()).contains("id=\"community-title\"", "id=\"membership-problem\"",
                "You are the last owner of this community, so you cannot leave it yet");
    }

    /**
     * Asking to join again within a day of a withdrawal or a refusal (feed-service's 429 with {@code Retry-After} in
     * seconds) is answered on the community page, next to the button, with the wait in the reader's language. Before, the
     * web app let the refusal through as an error page, in French a generic "refused: slug".
     */
    @Test
    void askingToJoinAgainTooSoonSaysWhenOneMayAskAgain() {
        SERVICES.on("GET /api/communities/guild", 200, """
                {"iri":"urn:relais:community:guild","slug":"guild","name":"Design guild","visibility":"private",
                 "archived":false,"memberCount":2}""");
        SERVICES.on("POST /api/communities/guild/join", new ScriptedServices.Answer(429, """
                {"type":"https://relais.dev/problems/too-many-requests","status":429,"detail":"one join request per person
                 and community every 24 hours; you may ask again in 23 h 10 min","errors":[{"field":"slug","message":"x"}]}""",
                "application/problem+json", Map.of("Retry-After", "83400")));

        Response en = post("en", "/communities/guild/join", Map.of());
        Response fr = post("fr", "/communities/guild/join", Map.of());

        assertThat(en.statusCode()).isEqualTo(429);
        assertThat(en.asString()).contains("id=\"community-title\"", "id=\"membership-problem\"",
                "You can ask again in about 24 h.");
        assertThat(fr.asString()).contains("id=\"membership-problem\"", "Vous pourrez le redemander dans 24 h environ.");
    }

    @Test
    void theLastOwnerLeavingAnArchivedCommunityIsToldToUnarchiveItFirst() {
        SERVICES.on("GET /api/communities/guild", 200, "{\"iri\":\"urn:relais:community:guild\",\"slug\":\"guild\","
                + "\"name\":\"Design guild\",\"visibility\":\"public\",\"archived\":true,\"membership\":{\"role\":\"owner\"}}");
        SERVICES.on("POST /api/communities/guild/leave", 409, "{\"status\":409,\"detail\":\"the last owner cannot leave an "
                + "archived community, whose roles are frozen: unarchive it first, then make someone else owner\"}");

        Response r = post("en", "/communities/guild/leave", Map.of());

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.asString()).contains("unarchive it first, then make someone else owner in Members")
                .doesNotContain("or archive the community");
    }

    @Test
    void aFrenchOwnerReadsTheLastOwnerExplanationInFrench() {
        SERVICES.on("POST /api/communities/guild/leave", 409, "{\"status\":409,\"detail\":\"the last owner cannot leave\"}");

        Response r = post("fr", "/communities/guild/leave", Map.of());

        assertThat(r.asString()).contains("Vous êtes le dernier propriétaire de cette communauté")
                .doesNotContain("the last owner cannot leave");
    }

    @Test
    void anUnknownPersonIsRefusedNextToTheFieldAndNeverInvited() {
        SERVICES.on("GET /api/search/people", 200, "{\"total\":0,\"people\":[],\"contributors\":[]}");

        Response r = post("en", "/communities/guild/invitations", Map.of("person", "Nobody Atall"));

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("id=\"invite-problem\"", "No colleague is called “Nobody Atall”", "aria-invalid=\"true\"");
        assertThat(SERVICES.calls()).noneMatch(c -> c.line().startsWith("POST /api/communities/guild/invitations"));
    }

    @Test
    void anUnknownLoginThatFeedServiceRefusesIsRefusedInlineToo() {
        SERVICES.on("GET /api/people/ghost", 200, "{\"login\":\"ghost\"}")
                .on("POST /api/communities/guild/invitations", 400,
                        "{\"status\":400,\"errors\":[{\"field\":\"login\",\"message\":\"'ghost' is not a known person\"}]}");

        Response r = post("en", "/communities/guild/invitations", Map.of("person", "ghost"));

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("No colleague is called “ghost”").doesNotContain("Invitation sent");
    }

    @Test
    void aColleaguesNameBecomesTheirLoginForTheInvitation() {
        SERVICES.on("GET /api/search/people", 200, """
                {"total":2,"people":[{"login":"bob.durand","name":"Bob Durand","title":"Designer"},
                 {"login":"bobby","name":"Bobby Tables","title":"DBA"}],"contributors":[]}""")
                .on("GET /api/people/bob.durand", 200, "{\"login\":\"bob.durand\",\"displayName\":\"Bob Durand\"}");

        Response r = post("en", "/communities/guild/invitations", Map.of("person", "bob durand"));

        assertThat(r.asString()).contains("Invitation sent to Bob Durand.");
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("POST /api/communities/guild/invitations")
                && c.body().equals("{\"login\":\"bob.durand\"}"));
    }

    @Test
    void thePickerSuggestsColleaguesByNameAsChoices() {
        SERVICES.on("GET /api/search/people", 200, """
                {"total":1,"people":[{"login":"bob.durand","name":"Bob Durand","title":"Designer","department":"Product"}],"contributors":[]}""");

        String html = as("en").queryParam("person", "bob du").get("/communities/guild/invitees").then().statusCode(200).extract().asString();

        assertThat(html).contains("type=\"radio\" name=\"login\" value=\"bob.durand\"", "Bob Durand", "Designer");
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().startsWith("GET /api/search/people?q=bob+du*")
                || c.line().startsWith("GET /api/search/people?q=bob%20du*"));
    }

    @Test
    void makingSomeoneOwnerSendsTheRole() {
        post("en", "/communities/guild/members/bob/role", Map.of("role", "owner"));

        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("PUT /api/communities/guild/members/bob/role")
                && c.body().equals("{\"role\":\"owner\"}"));
    }

    @Test
    void theLastOwnerSteppingDownIsExplainedNextToTheMembers() {
        SERVICES.on("PUT /api/communities/guild/members/alice/role", 409, "{\"status\":409,\"detail\":\"the last owner cannot step down\"}");

        Response r = post("en", "/communities/guild/members/alice/role", Map.of("role", "member"));

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.asString()).contains("id=\"members-problem\"", "make someone else owner before changing your own role");
    }

    @Test
    void archivingWithoutTheConfirmationChangesNothing() {
        Response r = post("en", "/communities/guild/archive", Map.of());

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("Tick the box to confirm");
        assertThat(SERVICES.calls()).noneMatch(c -> c.line().startsWith("POST /api/communities/guild/archive"));
    }

    /** An archived community's settings offer its owner the undo, which feed-service applies (DELETE .../archive). */
    @Test
    void theOwnerOfAnArchivedCommunityUnarchivesItFromItsSettings() {
        SERVICES.on("GET /api/communities/guild", 200, GUILD.formatted("owner").replace("\"archived\":false", "\"archived\":true"))
                .on("DELETE /api/communities/guild/archive", 200, GUILD.formatted("owner"));

        String settings = as("en").get("/communities/guild/settings").then().statusCode(200).extract().asString();
        Response r = post("en", "/communities/guild/unarchive", Map.of());

        assertThat(settings).contains("id=\"archived-notice\"", "id=\"unarchive-button\">Unarchive</button>")
                .doesNotContain("id=\"archive-form\"");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("DELETE /api/communities/guild/archive"));
    }

    /**
     * An archived community is read-only for its owner too (feed-service answers 409 to its settings, pins, roles and
     * join-request decisions): its page says so and offers Unarchive instead of those controls, and keeps what stays
     * possible — removing a member, withdrawing an invitation, leaving.
     */
    @Test
    void anArchivedCommunitysPageOffersItsOwnerNoSettingsPinsRolesNorRequestDecisionsButUnarchive() {
        archived("owner");
        SERVICES.on("GET /api/communities/guild/requests", 200, "[{\"iri\":\"urn:relais:person:carol\",\"login\":\"carol\",\"displayName\":\"Carol\"}]")
                .on("GET /api/communities/guild/invitations", 200, "[{\"iri\":\"urn:relais:person:dave\",\"login\":\"dave\",\"displayName\":\"Dave\"}]");

        String html = as("en").get("/communities/guild").then().statusCode(200).extract().asString();
        String more = as("en").get("/communities/guild/items").then().statusCode(200).extract().asString();

        assertThat(html).doesNotContain("id=\"settings-link\"", "pin-form", "id=\"set-role-bob\"", "id=\"approve-carol\"",
                        "/requests/carol/reject", "id=\"invite-person\"", "id=\"composer\"")
                .contains("id=\"archived-notice\"", "This community is archived: it is read-only.",
                        "action=\"/communities/guild/unarchive\"", "id=\"unarchive-button\">Unarchive</button>",
                        "Carol", "Join requests wait until the community is unarchived.",
                        "id=\"remove-bob\"", "id=\"withdraw-dave\"", "id=\"leave\"");
        assertThat(more).contains("Kick-off notes").doesNotContain("pin-form");
    }

    /** A plain member reads the same notice, without the owner's Unarchive. */
    @Test
    void aMemberOfAnArchivedCommunityReadsThatItIsReadOnlyAndIsOfferedNoUnarchive() {
        archived("member");

        String html = as("en").get("/communities/guild").then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"archived-notice\"", "id=\"leave\"")
                .doesNotContain("unarchive-button", "id=\"composer\"", "remove-bob");
    }

    /** Admins unarchive any community they can see (feed-service's rule), so its page offers them the undo. */
    @Test
    void anAdminWhoIsNoMemberIsOfferedTheUnarchiveOnAnArchivedCommunitysPage() {
        SERVICES.on("GET /api/communities/guild", 200, GUILD.formatted("").replace("\"archived\":false", "\"archived\":true")
                .replace("\"myStatus\":\"member\"", "\"myStatus\":\"none\""));

        String html = given().header("X-Test-Login", "root").header("X-Test-Roles", "employee,admin").header("Accept-Language", "en")
                .get("/communities/guild").then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"archived-notice\"", "id=\"unarchive-button\"").doesNotContain("id=\"join\"");
    }

    /** An archived community's settings are frozen: its settings page offers only the notice and Unarchive. */
    @Test
    void anArchivedCommunitysSettingsPageOffersNoSettingsFormOnlyUnarchive() {
        archived("owner");

        String settings = as("en").get("/communities/guild/settings").then().statusCode(200).extract().asString();

        assertThat(settings).doesNotContain("id=\"settings-form\"", "id=\"save-settings\"", "id=\"archive-form\"")
                .contains("id=\"archived-notice\"", "id=\"unarchive-button\"");
    }

    /** Archived in another tab meanwhile: saving the settings is refused (409) and the page says why, not an error page. */
    @Test
    void savingTheSettingsOfACommunityArchivedMeanwhileIsExplainedOnTheSettingsPage() {
        SERVICES.on("PUT /api/communities/guild", 409, """
                {"type":"https://relais.dev/problems/conflict","title":"Conflict","status":409,"detail":"community guild is archived"}""");
        Response r = postThenArchived("en", "/communities/guild/settings", Map.of("name", "Design guild", "description", "UX", "visibility", "public"));

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.asString()).contains("id=\"settings-problem\"", "was archived meanwhile", "id=\"unarchive-button\"")
                .doesNotContain("id=\"settings-form\"");
    }

    @Test
    void aCommunityThatIsNotArchivedOffersNoUnarchive() {
        String settings = as("en").get("/communities/guild/settings").then().statusCode(200).extract().asString();

        assertThat(settings).contains("id=\"archive-form\"").doesNotContain("id=\"unarchive-form\"");
    }

    @Test
    void settingsSendOnlyWhatTheServiceAccepts() {
        Response r = post("en", "/communities/guild/settings",
                Map.of("name", "Design guild", "description", "UX", "visibility", "private"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("PUT /api/communities/guild")
                && c.body().equals("{\"name\":\"Design guild\",\"description\":\"UX\",\"visibility\":\"private\"}"));
    }

    /** feed-service keeps a public community with posts public (409 naming visibility): the owner reads why, in their language. */
    @Test
    void aRefusedVisibilityChangeIsExplainedOnTheSettingsPageAndTheFormShowsWhatIsStored() {
        SERVICES.on("PUT /api/communities/guild", 409, """
                {"type":"https://relais.dev/problems/conflict","title":"Conflict","status":409,
                 "detail":"visibility cannot become secret: what was published here went to the whole organisation",
                 "errors":[{"field":"visibility","message":"cannot become secret: what was published here went to the whole organisation"}]}""");

        Response en = post("en", "/communities/guild/settings", Map.of("name", "Design guild", "description", "UX", "visibility", "secret"));
        Response fr = post("fr", "/communities/guild/settings", Map.of("name", "Design guild", "description", "UX", "visibility", "secret"));

        assertThat(en.statusCode()).isEqualTo(409);
        assertThat(en.asString()).contains("this community stays public", "create a private or secret community",
                "value=\"public\" checked").doesNotContain("value=\"secret\" checked", "cannot become secret");
        assertThat(fr.asString()).contains("cette communauté reste publique").doesNotContain("stays public");
    }

    /** Another refusal of the settings (a name another community uses) is not mistaken for the visibility rule. */
    @Test
    void aNameTakenIsNotExplainedAsTheVisibilityRule() {
        SERVICES.on("PUT /api/communities/guild", 409, """
                {"type":"https://relais.dev/problems/conflict","title":"Conflict","status":409,
                 "detail":"name 'Design' is already used by another community; choose another name",
                 "errors":[{"field":"name","message":"must differ from every other community's name"}]}""");

        Response r = post("en", "/communities/guild/settings", Map.of("name", "Design", "description", "UX", "visibility", "public"));

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.asString()).contains("is already used by another community").doesNotContain("stays public");
    }

    @Test
    void followingACommunityShowsTheStateAndTheSameButtonUndoesIt() {
        SERVICES.on("GET /api/follows/mine", 200, "{\"persons\":[],\"communities\":[\"urn:relais:community:guild\"],\"hashtags\":[]}");

        String html = as("en").get("/communities/guild").asString();
        post("en", "/communities/guild/follow", Map.of("following", "true"));

        assertThat(html).contains("id=\"follow-state\">Following ✓</span>", "id=\"follow-button\">Unfollow</button>");
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("DELETE /api/follows/community/guild"));
    }

    /** The guild as feed-service answers it once archived, to alice in this role. */
    private static void archived(String role) {
        SERVICES.on("GET /api/communities/guild", 200, GUILD.formatted(role).replace("\"archived\":false", "\"archived\":true"));
    }

    /** Posts the form with a token from the open page, the community being archived between the page and the post. */
    private static Response postThenArchived(String language, String path, Map<String, String> form) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as(language).get("/communities/guild").asString());
        assertThat(m.find()).as("a form token on the page").isTrue();
        archived("owner");
        return as(language).header("Sec-Fetch-Site", "same-origin").formParams(form).formParam("_csrf", m.group(1)).post(path);
    }

    private static void asRole(String role) {
        SERVICES.on("GET /api/communities/guild", 200, GUILD.formatted(role));
    }

    private static RequestSpecification as(String language) {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee")
                .header("Accept-Language", language).redirects().follow(false);
    }

    private static Response post(String language, String path, Map<String, String> form) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as(language).get("/communities/guild").asString());
        assertThat(m.find()).as("a form token on the page").isTrue();
        return as(language).header("Sec-Fetch-Site", "same-origin").formParams(form).formParam("_csrf", m.group(1)).post(path);
    }
}
