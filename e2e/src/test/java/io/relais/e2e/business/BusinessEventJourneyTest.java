package io.relais.e2e.business;

import io.relais.e2e.FailedExchangeLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * A business system's event crosses the whole running stack: the HR system gets its token from
 * Keycloak (client credentials), posts a hire to connector-service, and the new person's profile
 * appears in profile-service, the welcome card in alice's home feed and in search. Runs with
 * {@code -Pe2e} against a running stack ({@code ./relais test}).
 */
class BusinessEventJourneyTest {

    static final String KEYCLOAK = env("KEYCLOAK_URL", "http://localhost:8180");
    static final String FEED = env("RELAIS_FEED_URL", "http://localhost:8081");
    static final String PROFILE = env("RELAIS_PROFILE_URL", "http://localhost:8082");
    static final String CONNECTOR = env("RELAIS_CONNECTOR_URL", "http://localhost:8083");
    static final String SEARCH = env("RELAIS_SEARCH_URL", "http://localhost:8084");

    static String hrToken;
    static String aliceToken;

    @BeforeAll
    static void tokens() {
        FailedExchangeLog.enable();
        hrToken = clientToken("hr-connector");
        aliceToken = personToken("alice");
    }

    /** A business system's token (client credentials; the demo secret is {@code <client>-secret}). */
    static String clientToken(String clientId) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", clientId + "-secret")
                .post(KEYCLOAK + "/realms/relais/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    /** A demo employee's token (password grant on the web client; the password is the login). */
    static String personToken(String login) {
        return given().formParam("grant_type", "password").formParam("client_id", "relais-web")
                .formParam("username", login).formParam("password", login)
                .post(KEYCLOAK + "/realms/relais/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    @Test
    void aHireFromTheHrSystemBecomesAProfileAWelcomeCardAndASearchHit() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String login = "nina" + suffix;
        String name = "Nina Zephyrine" + suffix;
        String eventId = "e2e-hire-" + suffix;
        given().auth().oauth2(hrToken).contentType("application/json").body("""
                {"eventType":"employee.hired","eventId":"%s","occurredAt":"2026-11-22T09:00:00Z",
                 "data":{"login":"%s","displayName":"%s","email":"%s@relais.example","title":"Analyste sécurité",
                         "department":"Ingénierie","manager":"carol","location":"Lyon","startDate":"2026-12-01"}}"""
                        .formatted(eventId, login, name, login))
                .post(CONNECTOR + "/api/connectors/hr/events")
                .then().statusCode(202).body("status", equalTo("published"));

        // the receipt tells the HR system what happened
        given().auth().oauth2(hrToken).get(CONNECTOR + "/api/connectors/receipts/hr:" + eventId)
                .then().statusCode(200).body("status", equalTo("published"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).get(PROFILE + "/api/people/" + login)
                        .then().statusCode(200).body(containsString(name)).body(containsString("Analyste sécurité")));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).get(FEED + "/api/feed/home")
                        .then().statusCode(200).body(containsString("Bienvenue à " + name)));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).queryParam("q", "Zephyrine" + suffix).get(SEARCH + "/api/search")
                        .then().statusCode(200).body(containsString(name)));
    }

    /**
     * connector → profile-service: the connector accepts a hire naming a manager HR has not sent yet (HR batches
     * come in any order); profile-service shows no manager rather than a dangling one, and links the manager once
     * their own hire arrives.
     */
    @Test
    void aHireNamingAManagerNotHiredYetShowsNoManagerUntilTheManagersHireArrives() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String report = "rita" + suffix;
        String manager = "mark" + suffix;
        hire(report, "Rita Report" + suffix, manager);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).get(PROFILE + "/api/people/" + report)
                        .then().statusCode(200).body("manager", nullValue()));

        hire(manager, "Mark Manager" + suffix, "carol");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).get(PROFILE + "/api/people/" + report)
                        .then().statusCode(200).body("manager", equalTo(manager)));
    }

    /**
     * connector → profile-service → search-service: HR's move of someone it never hired makes nobody up. Before, the
     * move made an active person with no name, whose snapshot search-service and connector-service took as a colleague
     * to mention or to name as a card's owner. Now nobody is shown until the hire makes them a person: no profile, no
     * "new role" card in a feed or in search (feed-service and search-service show an HR card only as profile-service
     * announces it once applied to a person others may see); HR's next move after the hire is such a card.
     */
    @Test
    void aMoveOfSomeoneNeverHiredShowsNobodyUntilTheirHire() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String login = "gus" + suffix;
        given().auth().oauth2(hrToken).contentType("application/json").body("""
                {"eventType":"employee.moved","eventId":"e2e-move-%s","occurredAt":"%s",
                 "data":{"login":"%s","title":"Fantôme %s","department":"Nulle part"}}"""
                        .formatted(suffix, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), login, suffix))
                .post(CONNECTOR + "/api/connectors/hr/events").then().statusCode(202).body("status", equalTo("published"));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            given().auth().oauth2(aliceToken).get(PROFILE + "/api/people/" + login).then().statusCode(404);
            given().auth().oauth2(aliceToken).queryParam("q", "Fantôme " + suffix).get(SEARCH + "/api/search/people")
                    .then().statusCode(200).body("people.id", not(hasItem("urn:relais:person:" + login)));
            // nor a "new role" card about them: profile-service applied the move to nobody others may see
            given().auth().oauth2(aliceToken).get(FEED + "/api/feed/home")
                    .then().statusCode(200).body(not(containsString("Fantôme " + suffix)));
            given().auth().oauth2(aliceToken).queryParam("q", "Fantôme " + suffix).get(SEARCH + "/api/search")
                    .then().statusCode(200).body(not(containsString("Fantôme " + suffix)));
        });

        hire(login, "Gus Revenant" + suffix, "carol");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).get(PROFILE + "/api/people/" + login).then().statusCode(200)
                        .body("displayName", equalTo("Gus Revenant" + suffix)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).queryParam("q", "Revenant" + suffix).get(SEARCH + "/api/search/people")
                        .then().statusCode(200).body("people.id", hasItem("urn:relais:person:" + login)));

        // once they are a person, HR's next move is a card in colleagues' feeds and in search (profile-service's accepted one)
        given().auth().oauth2(hrToken).contentType("application/json").body("""
                {"eventType":"employee.moved","eventId":"e2e-move-after-hire-%s","occurredAt":"%s",
                 "data":{"login":"%s","title":"Promu %s","department":"Ingénierie"}}"""
                        .formatted(suffix, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), login, suffix))
                .post(CONNECTOR + "/api/connectors/hr/events").then().statusCode(202).body("status", equalTo("published"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            given().auth().oauth2(aliceToken).get(FEED + "/api/feed/home")
                    .then().statusCode(200).body(containsString("Promu " + suffix));
            // the card, beside the person whose title it is now
            given().auth().oauth2(aliceToken).queryParam("q", "Promu " + suffix).get(SEARCH + "/api/search")
                    .then().statusCode(200).body("hits.type", hasItem("event"));
        });
        given().auth().oauth2(aliceToken).get(FEED + "/api/feed/home").then().body(not(containsString("Fantôme " + suffix)));
    }

    /**
     * connector → profile-service: HR's own time orders HR's changes, not the order they reach Relais. HR sends a move it
     * dates 10:00, then the hire it dates 09:00 (a late batch): the person is hired and active with the move's title, and
     * stays so. Before, connector-service's receipt time decided, so the hire, received last, put the older title back.
     */
    @Test
    void aHireHrDatesBeforeAMoveItFollowsKeepsTheMovesTitle() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String login = "xavier" + suffix;
        String name = "Xavier Horodaté" + suffix;
        java.time.Instant moved = java.time.Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        given().auth().oauth2(hrToken).contentType("application/json").body("""
                {"eventType":"employee.moved","eventId":"e2e-order-move-%s","occurredAt":"%s",
                 "data":{"login":"%s","title":"Responsable d'équipe %s"}}""".formatted(suffix, moved, login, suffix))
                .post(CONNECTOR + "/api/connectors/hr/events").then().statusCode(202).body("status", equalTo("published"));
        given().auth().oauth2(hrToken).contentType("application/json").body("""
                {"eventType":"employee.hired","eventId":"e2e-order-hire-%s","occurredAt":"%s",
                 "data":{"login":"%s","displayName":"%s","email":"%s@relais.example","title":"Ingénieur %s",
                         "department":"Ingénierie","manager":"carol","location":"Lyon","startDate":"2026-12-01"}}"""
                        .formatted(suffix, moved.minus(Duration.ofHours(1)), login, name, login, suffix))
                .post(CONNECTOR + "/api/connectors/hr/events").then().statusCode(202).body("status", equalTo("published"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).get(PROFILE + "/api/people/" + login).then().statusCode(200)
                        .body("displayName", equalTo(name)).body("status", equalTo("active"))
                        .body("title", equalTo("Responsable d'équipe " + suffix)));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).get(PROFILE + "/api/people/" + login).then().statusCode(200)
                        .body("status", equalTo("active")).body("title", equalTo("Responsable d'équipe " + suffix)));
    }

    private static void hire(String login, String name, String manager) {
        given().auth().oauth2(hrToken).contentType("application/json").body("""
                {"eventType":"employee.hired","eventId":"e2e-hire-%s","occurredAt":"2026-11-22T09:00:00Z",
                 "data":{"login":"%s","displayName":"%s","email":"%s@relais.example","title":"Analyste",
                         "department":"Ingénierie","manager":"%s","location":"Lyon","startDate":"2026-12-01"}}"""
                        .formatted(login, login, name, login, manager))
                .post(CONNECTOR + "/api/connectors/hr/events")
                .then().statusCode(202).body("status", equalTo("published"));
    }

    /**
     * connector → feed-service and search-service: a document the ECM system publishes, then updates, is one card named
     * in that system's namespace ({@code urn:relais:document:ecm.<system>:<documentId>}), read back at that IRI with the
     * updated title, and found by it.
     */
    @Test
    void aDocumentPublishedThenUpdatedIsOneCardInItsSystemsNamespace() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ecmToken = clientToken("ecm-connector");
        String documentId = "DOC-e2e-" + suffix;
        String published = document(ecmToken, "document.published", "e2e-doc-v1-" + suffix, documentId, "Charte brouillon " + suffix);
        assertThat(published).startsWith("urn:relais:document:ecm.").endsWith(":" + documentId);
        String updated = document(ecmToken, "document.updated", "e2e-doc-v2-" + suffix, documentId, "Charte validée " + suffix);
        assertThat(updated).as("the update names the same card").isEqualTo(published);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).get(FEED + "/api/posts/{id}", published)
                        .then().statusCode(200).body("post.card.title.fr", equalTo("Charte validée " + suffix)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).queryParam("q", "validée " + suffix).get(SEARCH + "/api/search")
                        .then().statusCode(200).body("hits.id", hasItem(published)));
    }

    /**
     * connector → feed-service: a document card, named as the connector names it, is opened, reported, hidden by a
     * community manager and restored through feed-service's own checks. Both sides' tests passed while feed-service's
     * request check still knew only the former document IRI: every open, report and decision answered 400.
     */
    @Test
    void aDocumentCardIsOpenedReportedHiddenAndRestoredLikeAnyCard() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ecmToken = clientToken("ecm-connector");
        String bobToken = personToken("bob");
        String card = document(ecmToken, "document.published", "e2e-doc-mod-" + suffix, "DOC-mod-" + suffix, "Note interne " + suffix);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).get(FEED + "/api/posts/{id}", card).then().statusCode(200));

        given().auth().oauth2(aliceToken).contentType("application/json").body(java.util.Map.of("object", card))
                .post(FEED + "/api/views").then().statusCode(204);
        given().auth().oauth2(aliceToken).contentType("application/json")
                .body(java.util.Map.of("object", card, "reason", "confidential", "comment", "Version de travail"))
                .post(FEED + "/api/reports").then().statusCode(201);
        given().auth().oauth2(bobToken).contentType("application/json")
                .body(java.util.Map.of("object", card, "action", "hide", "reason", "Version de travail"))
                .post(FEED + "/api/moderation/actions").then().statusCode(200).body("state", equalTo("hidden"));
        given().auth().oauth2(aliceToken).get(FEED + "/api/posts/{id}", card).then().statusCode(404);
        given().auth().oauth2(bobToken).contentType("application/json")
                .body(java.util.Map.of("object", card, "action", "restore", "reason", "Version publiée"))
                .post(FEED + "/api/moderation/actions").then().statusCode(200).body("state", equalTo("visible"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(aliceToken).get(FEED + "/api/posts/{id}", card).then().statusCode(200)
                        .body("post.card.title.fr", equalTo("Note interne " + suffix)));
    }

    /** Sends an ECM event about one document; returns the card IRI its receipt names. */
    private static String document(String token, String eventType, String eventId, String documentId, String title) {
        given().auth().oauth2(token).contentType("application/json").body("""
                {"eventType":"%s","eventId":"%s","occurredAt":"2026-11-22T09:00:00Z",
                 "data":{"documentId":"%s","title":"%s","url":"https://ecm.example/d/%s","mimeType":"application/pdf",
                         "size":1024,"owner":"alice"}}""".formatted(eventType, eventId, documentId, title, documentId))
                .post(CONNECTOR + "/api/connectors/ecm/events").then().statusCode(202).body("status", equalTo("published"));
        return given().auth().oauth2(token).get(CONNECTOR + "/api/connectors/receipts/ecm:" + eventId)
                .then().statusCode(200).body("status", equalTo("published")).extract().path("objectId");
    }

    @Test
    void aResentHireIsRecognisedAndAnotherSystemMayNotPostAsHr() {
        String eventId = "e2e-dup-" + UUID.randomUUID().toString().substring(0, 8);
        String hire = """
                {"eventType":"employee.hired","eventId":"%s","occurredAt":"2026-11-22T09:00:00Z",
                 "data":{"login":"olga%s","displayName":"Olga Test","email":"olga@relais.example","title":"Stagiaire",
                         "department":"Ingénierie","startDate":"2026-12-01"}}""".formatted(eventId, eventId.substring(8));
        String receipt = given().auth().oauth2(hrToken).contentType("application/json").body(hire)
                .post(CONNECTOR + "/api/connectors/hr/events").then().statusCode(202).extract().path("receiptId");
        given().auth().oauth2(hrToken).contentType("application/json").body(hire)
                .post(CONNECTOR + "/api/connectors/hr/events").then().statusCode(200).body("receiptId", equalTo(receipt));

        String crmToken = given().formParam("grant_type", "client_credentials").formParam("client_id", "crm-connector")
                .formParam("client_secret", "crm-connector-secret")
                .post(KEYCLOAK + "/realms/relais/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        given().auth().oauth2(crmToken).contentType("application/json").body(hire)
                .post(CONNECTOR + "/api/connectors/hr/events").then().statusCode(403);
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
