package io.relais.web.moderation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.layout.ElementIds;
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
 * Moderation through the web: the Report action on posts and comments, the queues and their decisions, the
 * author's notice, the audit log and keyword rules. feed-service is scripted ({@link ScriptedServices}), so each
 * test asserts what a person sees and exactly what was (or was not) sent; who may moderate is the script's answer,
 * as it is feed-service's in production.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class ModerationPagesTest {

    static final String POST = "urn:relais:post:7d0c3c1e-1111-4aaa-8bbb-000000000001";
    static final String COMMENT = "urn:relais:comment:7d0c3c1e-2222-4aaa-8bbb-000000000002";
    static final String POST_LOCAL = "7d0c3c1e-1111-4aaa-8bbb-000000000001";
    static final String COMMENT_LOCAL = "7d0c3c1e-2222-4aaa-8bbb-000000000002";

    static final String THREAD = """
            {"post":{"id":"%s","kind":"post","author":{"login":"alice","displayName":"Alice Martin"},
              "created":"2026-11-30T10:00:00Z","content":"<p>Offre spéciale</p>","reactions":{},"commentCount":2},
             "comments":[
              {"id":"%s","post":"%s","author":{"login":"carol","displayName":"Carol Petit"},"created":"2026-11-30T10:05:00Z",
               "content":"<p>Hors sujet</p>","reactions":{},"hidden":{"reason":"Propos hors charte","at":"2026-11-30T10:06:00Z"}},
              {"id":"urn:relais:comment:7d0c3c1e-3333-4aaa-8bbb-000000000003","post":"%s","author":{"login":"bob","displayName":"Bob Durand"},
               "created":"2026-11-30T10:07:00Z","content":"<p>Merci</p>","reactions":{}}],"next":null}"""
            .formatted(POST, COMMENT, POST, POST);

    static final String QUEUE = """
            {"items":[{"object":"%s","kind":"post","post":"%s",
              "community":{"iri":"urn:relais:community:guild","slug":"guild","name":"Design guild"},
              "author":{"iri":"urn:relais:person:alice","login":"alice","displayName":"Alice Martin"},
              "excerpt":"<script>alert('x')</script> Promo","state":"visible","held":null,"reports":3,
              "reasons":{"spam":2,"off-topic":1},"comments":["<b>Démarchage</b>"],
              "firstReported":"2026-11-30T10:02:00Z","lastReported":"2026-11-30T10:15:00Z","hiddenReason":null,
              "actions":["hide","remove"]}]}"""
            .formatted(POST, POST);

    static final String HIDDEN_QUEUE = """
            {"items":[{"object":"%s","kind":"comment","post":"%s",
              "community":{"iri":"urn:relais:community:guild","slug":"guild","name":"Design guild"},
              "author":{"iri":"urn:relais:person:carol","login":"carol","displayName":"Carol Petit"},
              "excerpt":"Hors sujet","state":"hidden","held":null,"reports":0,"reasons":{},"comments":[],
              "firstReported":"2026-11-30T10:02:00Z","lastReported":"2026-11-30T10:15:00Z","hiddenReason":"Propos hors charte",
              "actions":["restore","remove"]}]}"""
            .formatted(COMMENT, POST);

    static final String FORBIDDEN = "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"the organisation-wide moderation queue is for community managers and admins\"}";

    @BeforeEach
    void reset() {
        SERVICES.reset();
        SERVICES.on("GET /api/posts/" + POST_LOCAL, 200, THREAD)
                .on("GET /api/communities/guild", 200, "{\"iri\":\"urn:relais:community:guild\",\"slug\":\"guild\",\"name\":\"Design guild\"}");
    }

    // --- Report

    @Test
    void othersPostsAndCommentsOfferReportButNotMyOwn() {
        String html = as("carol", "employee", "en").get("/posts/" + POST_LOCAL).then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"report-link-" + POST_LOCAL + "\"", "id=\"report-link-comment-7d0c3c1e-3333-4aaa-8bbb-000000000003\"")
                .doesNotContain("id=\"report-link-comment-" + COMMENT_LOCAL + "\"");
    }

    @Test
    void theReportFormOffersTheFiveReasonsAnOptionalCommentAndTheFormToken() {
        String html = as("bob", "employee", "en").header("HX-Request", "true")
                .get("/report?object=" + COMMENT + "&post=" + POST_LOCAL).then().statusCode(200).extract().asString();

        assertThat(html).contains("Report this comment", "value=\"spam\"", "value=\"harassment\"", "value=\"off-topic\"",
                "value=\"confidential\"", "value=\"other\"", "name=\"comment\"", "name=\"_csrf\"", "value=\"" + COMMENT + "\"")
                .doesNotContain("<html");
    }

    @Test
    void reportingSendsTheReasonAndCommentAndThanksTheReporter() {
        SERVICES.on("POST /api/reports", 201, "{\"object\":\"" + POST + "\",\"reason\":\"spam\",\"status\":\"open\"}");

        Response r = postForm("bob", "employee", "en", true, "/report",
                Map.of("object", POST, "post", POST_LOCAL, "reason", "spam", "comment", "Démarchage"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("Thank you: the moderators will look at it.");
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("POST /api/reports")
                && c.body().equals("{\"object\":\"" + POST + "\",\"reason\":\"spam\",\"comment\":\"Démarchage\"}"));
    }

    @Test
    void reportingAgainSaysItWasAlreadyReported() {
        SERVICES.on("POST /api/reports", 200, "{\"object\":\"" + POST + "\",\"reason\":\"spam\",\"status\":\"open\"}");

        Response r = postForm("bob", "employee", "fr", true, "/report", Map.of("object", POST, "post", POST_LOCAL, "reason", "spam"));

        assertThat(r.asString()).contains("aviez déjà signalé");
    }

    @Test
    void aReportWithoutReasonIsRefusedOnTheFormAndNothingIsSent() {
        Response r = postForm("bob", "employee", "en", false, "/report", Map.of("object", POST, "post", POST_LOCAL, "comment", "?"));

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("Choose a reason.", "<html");
        assertThat(SERVICES.lines()).doesNotContain("POST /api/reports");
    }

    @Test
    void withoutHtmxAReportEndsOnAPageLeadingBackToThePost() {
        SERVICES.on("POST /api/reports", 201, "{}");

        Response r = postForm("bob", "employee", "en", false, "/report", Map.of("object", POST, "post", POST_LOCAL, "reason", "other"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).contains("<html", "Thank you", "href=\"/posts/" + POST_LOCAL + "\"");
    }

    @Test
    void aHiddenCommentIsMarkedForTheOneWhoStillSeesItWithTheReason() {
        String html = as("carol", "employee", "en").get("/posts/" + POST_LOCAL).then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"hidden-comment-" + COMMENT_LOCAL + "\"", "hidden by moderation", "Reason: Propos hors charte");
    }

    // --- Queues

    @Test
    void theQueueGroupsReportsWithCountsReasonsEscapedExcerptAuthorAndThreadLink() {
        SERVICES.on("GET /api/moderation/queue", 200, QUEUE);

        String html = as("dana", "employee,community-manager", "en").get("/moderation").then().statusCode(200).extract().asString();

        assertThat(html).contains("Alice Martin", "3 report(s)", "Spam or advertising (2)", "Off-topic (1)",
                "&lt;script&gt;alert(", "&lt;b&gt;Démarchage&lt;/b&gt;", "href=\"/posts/" + POST_LOCAL + "\"",
                "id=\"hide-" + POST_LOCAL + "\"", "id=\"remove-" + POST_LOCAL + "\"", "name=\"reason\" required")
                .doesNotContain("<script>alert(", "id=\"restore-" + POST_LOCAL + "\"");
    }

    @Test
    void someoneWhoModeratesNothingGetsTheRefusalPageAndNoNavigationEntry() {
        SERVICES.on("GET /api/moderation/queue", 403, FORBIDDEN);

        Response r = as("carol", "employee", "en").get("/moderation");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.asString()).contains("You do not moderate anything here").doesNotContain("id=\"nav-moderation\"");
    }

    @Test
    void communityManagersSeeTheModerationEntryInTheNavigation() {
        SERVICES.on("GET /api/moderation/queue", 200, "{\"items\":[]}");

        String html = as("dana", "employee,community-manager", "fr").get("/moderation").then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"nav-moderation\"", "Rien à examiner.");
    }

    @Test
    void aCommunityQueueAsksForThatCommunityAndAnUnknownOneIsNotFound() {
        SERVICES.on("GET /api/moderation/queue", 200, QUEUE);
        String html = as("bob", "employee", "en").get("/communities/guild/moderation").then().statusCode(200).extract().asString();
        assertThat(html).contains("Moderation of Design guild", "name=\"community\" value=\"guild\"");
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("GET /api/moderation/queue?community=guild"));

        SERVICES.on("GET /api/moderation/queue", 404, "{\"status\":404,\"detail\":\"community secret\"}");
        as("bob", "employee", "en").get("/communities/secret/moderation").then().statusCode(404);
    }

    @Test
    void theHiddenListOffersRestoreWithTheReasonItWasHidden() {
        SERVICES.on("GET /api/moderation/queue", 200, HIDDEN_QUEUE);

        String html = as("bob", "employee", "en").get("/communities/guild/moderation?state=hidden").then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"restore-" + ElementIds.of(COMMENT) + "\"", "Reason: Propos hors charte", "hidden by moderation",
                "href=\"/posts/" + POST_LOCAL + "#comment-" + COMMENT_LOCAL + "\"");
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("GET /api/moderation/queue?community=guild&state=hidden"));
    }

    /** A card hidden without any report is listed as a business card, with who hid it and when (what a restore needs). */
    @Test
    void theHiddenListNamesABusinessCardAndWhoHidItAndWhen() {
        String card = "urn:relais:event:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a99";
        SERVICES.on("GET /api/moderation/queue", 200, """
                {"items":[{"object":"%s","kind":"card","post":"%s","community":null,
                  "author":{"iri":"urn:relais:source:crm.salesforce","login":null,"displayName":"Salesforce"},
                  "excerpt":"Deal won: Acme — Acme signs","state":"hidden","held":null,"reports":0,"reasons":{},"comments":[],
                  "firstReported":"2026-11-30T10:02:00Z","lastReported":"2026-11-30T10:02:00Z","hiddenReason":"Montant confidentiel",
                  "hiddenBy":{"iri":"urn:relais:person:bob","login":"bob","displayName":"Bob <Durand>"},
                  "hiddenAt":"2026-11-30T10:02:00Z","actions":["restore","remove"]}]}""".formatted(card, card));

        String html = as("bob", "employee", "en").get("/moderation?state=hidden").then().statusCode(200).extract().asString();

        assertThat(html).contains("Salesforce", "business card", "Hidden by Bob &lt;Durand&gt;", "datetime=\"2026-11-30T10:02:00Z\"",
                "id=\"restore-" + ElementIds.of(card) + "\"", "Reason: Montant confidentiel");
    }

    /**
     * The buttons are feed-service's {@code actions}, not guessed from the state: a community moderator is offered no
     * Restore of what the organisation hid (a keyword hold here) and no decision on their own comment, and an item
     * whose answer lists no actions offers none.
     */
    @Test
    void theQueueOffersExactlyTheDecisionsFeedServiceListsForEachItem() {
        String held = "urn:relais:comment:7d0c3c1e-4444-4aaa-8bbb-000000000004";
        String mine = "urn:relais:comment:7d0c3c1e-5555-4aaa-8bbb-000000000005";
        String unsaid = "urn:relais:comment:7d0c3c1e-6666-4aaa-8bbb-000000000006";
        SERVICES.on("GET /api/moderation/queue", 200, """
                {"items":[
                 {"object":"%s","kind":"comment","post":"%s","community":{"iri":"urn:relais:community:guild","slug":"guild","name":"Design guild"},
                  "author":{"login":"carol","displayName":"Carol Petit"},"excerpt":"Crypto","state":"hidden","held":"crypto",
                  "reports":0,"reasons":{},"comments":[],"hiddenReason":"keyword rule","actions":["remove"]},
                 {"object":"%s","kind":"comment","post":"%s","community":{"iri":"urn:relais:community:guild","slug":"guild","name":"Design guild"},
                  "author":{"login":"bob","displayName":"Bob Durand"},"excerpt":"Mon avis","state":"hidden","held":null,
                  "reports":1,"reasons":{"other":1},"comments":[],"hiddenReason":"Doublon","actions":[]},
                 {"object":"%s","kind":"comment","post":"%s","community":{"iri":"urn:relais:community:guild","slug":"guild","name":"Design guild"},
                  "author":{"login":"dan","displayName":"Dan"},"excerpt":"Ancien","state":"hidden","held":null,
                  "reports":0,"reasons":{},"comments":[],"hiddenReason":"Ancien"}]}""".formatted(held, POST, mine, POST, unsaid, POST));

        String html = as("bob", "employee", "en").get("/communities/guild/moderation?state=hidden").then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"remove-" + ElementIds.of(held) + "\"",
                        "id=\"restore-not-yours-" + ElementIds.of(held) + "\"",
                        "Only community managers and administrators restore what the organisation hid.",
                        "id=\"no-decision-" + ElementIds.of(mine) + "\"",
                        "id=\"no-decision-" + ElementIds.of(unsaid) + "\"")
                .doesNotContain("id=\"restore-" + ElementIds.of(held) + "\"",
                        "id=\"restore-" + ElementIds.of(mine) + "\"", "id=\"remove-" + ElementIds.of(mine) + "\"",
                        "id=\"reason-" + ElementIds.of(mine) + "\"",
                        "id=\"restore-" + ElementIds.of(unsaid) + "\"", "id=\"remove-" + ElementIds.of(unsaid) + "\"");
        assertThat(as("bob", "employee", "fr").get("/communities/guild/moderation?state=hidden").asString())
                .contains("Aucune décision ne vous revient ici");
    }

    @Test
    void hidingSendsTheDecisionWithItsReasonAndSaysSoInPlace() {
        SERVICES.on("POST /api/moderation/actions", 200, "{\"object\":\"" + POST + "\",\"action\":\"hide\",\"state\":\"hidden\","
                + "\"reason\":\"Publicité\",\"reportsResolved\":3,\"at\":\"2026-11-30T10:20:00Z\"}");

        Response r = postForm("bob", "employee", "en", true, "/moderation/actions",
                Map.of("object", POST, "action", "hide", "reason", "Publicité", "community", "guild", "state", "open"));

        assertThat(r.asString()).contains("id=\"case-" + POST_LOCAL + "\" data-object=\"" + POST + "\"", "Hidden. The author is told why.");
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("POST /api/moderation/actions")
                && c.body().equals("{\"object\":\"" + POST + "\",\"action\":\"hide\",\"reason\":\"Publicité\"}"));
    }

    @Test
    void aDecisionWithoutReasonIsRefusedNextToItsFieldAndNothingIsSent() {
        Response r = postForm("bob", "employee", "en", true, "/moderation/actions",
                Map.of("object", POST, "action", "hide", "reason", "  ", "community", "guild"));

        assertThat(r.header("HX-Retarget")).isEqualTo("#decision-error-" + POST_LOCAL);
        assertThat(r.asString()).contains("Give a reason: the author will read it.");
        assertThat(SERVICES.lines()).doesNotContain("POST /api/moderation/actions");
    }

    @Test
    void withoutHtmxADecisionGoesBackToItsQueueWithAStatusLine() {
        SERVICES.on("POST /api/moderation/actions", 200, "{\"object\":\"" + COMMENT + "\",\"action\":\"restore\",\"state\":\"visible\","
                + "\"reason\":\"Erreur\",\"reportsResolved\":0,\"at\":\"2026-11-30T10:20:00Z\"}");

        Response r = postForm("bob", "employee", "en", false, "/moderation/actions",
                Map.of("object", COMMENT, "action", "restore", "reason", "Erreur", "community", "guild", "state", "hidden"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/communities/guild/moderation?done=restore&state=hidden");
        SERVICES.on("GET /api/moderation/queue", 200, "{\"items\":[]}");
        assertThat(as("bob", "employee", "en").get("/communities/guild/moderation?done=restore&state=hidden").asString())
                .contains("Restored. The author is told.");
    }

    @Test
    void aDecisionOnSomethingIDoNotModerateIsRefused() {
        SERVICES.on("POST /api/moderation/actions", 403, "{\"status\":403,\"detail\":\"only the owners and moderators\"}");

        Response r = postForm("carol", "employee", "en", false, "/moderation/actions",
                Map.of("object", POST, "action", "remove", "reason", "Non"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.asString()).contains("You do not moderate anything here");
    }

    // --- The author's notice

    @Test
    void theAuthorReadsTheDecisionAndItsReasonInTheirLanguage() {
        SERVICES.on("GET /api/notifications", 200, """
                {"items":[{"id":"urn:relais:notification:n1","kind":"hidden","object":"%s","post":"%s",
                  "actor":{"login":"bob","displayName":"Bob Durand"},"detail":"Publicité <b>interdite</b>","at":"2026-11-30T10:20:00Z","read":false},
                 {"id":"urn:relais:notification:n2","kind":"restored","object":"%s","post":"%s",
                  "actor":{"login":"bob","displayName":"Bob Durand"},"detail":"Erreur","at":"2026-11-30T10:30:00Z","read":true}],
                 "unread":1,"next":null}""".formatted(POST, POST, COMMENT, POST));

        String en = as("alice", "employee", "en").get("/notifications").then().statusCode(200).extract().asString();
        String fr = as("alice", "employee", "fr").get("/notifications").then().statusCode(200).extract().asString();

        assertThat(en).contains("Moderators hid your post.", "Reason: Publicité &lt;b&gt;interdite&lt;/b&gt;",
                "Moderators restored your comment.", "Reason: Erreur").doesNotContain("Bob Durand", "<b>interdite");
        assertThat(fr).contains("Les modérateurs ont masqué votre publication.", "Raison : Publicité &lt;b&gt;interdite");
    }

    // --- Audit log and keyword rules

    @Test
    void adminsReadTheAuditLogWithItsCsvExportAndOthersAreRefused() {
        SERVICES.on("GET /api/moderation/audit", 200, """
                {"entries":[{"id":"e1","at":"2026-11-30T10:20:00Z","actor":"urn:relais:person:bob","action":"hide","object":"%s",
                  "community":"urn:relais:community:guild","reason":"<i>Publicité</i>","reports":2}],"next":"e1"}""".formatted(POST));

        String html = as("root", "employee,admin", "en").get("/moderation/audit").then().statusCode(200).extract().asString();
        assertThat(html).contains("href=\"/moderation/audit.csv\"", ">bob<", "&lt;i&gt;Publicité&lt;/i&gt;", "/moderation/audit?before=e1");
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("GET /api/moderation/audit?limit=50"));

        as("dana", "employee,community-manager", "en").get("/moderation/audit").then().statusCode(403);
    }

    @Test
    void theAuditCsvIsFeedServicesOwnFileAsADownload() {
        SERVICES.on("GET /api/moderation/audit", 200, "id,at,actor,action,object,community,reason,reports\n");

        Response r = as("root", "employee,admin", "en").get("/moderation/audit.csv");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.header("Content-Disposition")).contains("attachment");
        assertThat(r.asString()).startsWith("id,at,actor,action");
        assertThat(SERVICES.calls()).anyMatch(c -> c.line().equals("GET /api/moderation/audit"));
    }

    @Test
    void addingAKeywordRuleKeepsTheOthersAndRemovingOneDropsOnlyIt() {
        SERVICES.on("GET /api/moderation/rules", 200, "{\"rules\":[{\"term\":\"crypto\",\"mode\":\"hold\"}]}")
                .on("PUT /api/moderation/rules", 200, "{\"rules\":[]}");

        Response added = postForm("root", "employee,admin", "en", false, "/moderation/rules", Map.of("term", "confidentiel défense", "mode", "block"));
        Response removed = postForm("root", "employee,admin", "en", false, "/moderation/rules/remove", Map.of("term", "crypto"));

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(SERVICES.calls().stream().filter(c -> c.line().equals("PUT /api/moderation/rules")).map(ScriptedServices.Call::body))
                .containsExactly("{\"rules\":[{\"term\":\"crypto\",\"mode\":\"hold\"},{\"term\":\"confidentiel défense\",\"mode\":\"block\"}]}",
                        "{\"rules\":[]}");
    }

    @Test
    void aTooShortRuleIsRefusedOnThePageAndNothingIsSaved() {
        SERVICES.on("GET /api/moderation/rules", 200, "{\"rules\":[]}");

        Response r = postForm("root", "employee,admin", "fr", false, "/moderation/rules", Map.of("term", "x", "mode", "block"));

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("Une règle fait de 2 à 100 caractères.");
        assertThat(SERVICES.lines()).doesNotContain("PUT /api/moderation/rules");
    }

    private static RequestSpecification as(String login, String roles, String language) {
        return given().header("X-Test-Login", login).header("X-Test-Roles", roles).header("Accept-Language", language)
                .redirects().follow(false);
    }

    /** A same-origin form post carrying the session's token, as the page's own form would send it. */
    private static Response postForm(String login, String roles, String language, boolean htmx, String path, Map<String, String> form) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as(login, roles, language).get("/report?object=" + POST).asString());
        assertThat(m.find()).as("a form token on the page").isTrue();
        RequestSpecification request = as(login, roles, language).header("Sec-Fetch-Site", "same-origin").formParams(form)
                .formParam("_csrf", m.group(1));
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        return request.post(path);
    }
}
