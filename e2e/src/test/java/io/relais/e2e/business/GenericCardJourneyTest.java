package io.relais.e2e.business;

import io.relais.e2e.FailedExchangeLog;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the generic connector accepts shows, across the running stack: a Note, a Document and an Event sent as
 * CloudEvents by a business system each become a card in an employee's home feed and a search hit, shown with
 * the system's name, in the system's own namespace. The realm has no generic client, so the test registers the
 * document system's client for the generic source too (same system name) and restores its registration after.
 * Runs with {@code -Pe2e} against a running stack ({@code ./relais test}).
 */
class GenericCardJourneyTest {

    static final String KEYCLOAK = BusinessEventJourneyTest.KEYCLOAK;
    static final String FEED = BusinessEventJourneyTest.FEED;
    static final String CONNECTOR = BusinessEventJourneyTest.CONNECTOR;
    static final String SEARCH = BusinessEventJourneyTest.SEARCH;
    static final String CLIENT = "ecm-connector";

    static String systemToken;
    static String aliceToken;
    static String carolToken;
    static Map<String, Object> registrationBefore;

    @BeforeAll
    static void registerTheDocumentSystemForGenericEvents() {
        FailedExchangeLog.enable();
        systemToken = token("client_credentials", CLIENT, null);
        aliceToken = token("password", "alice", "alice");
        carolToken = token("password", "carol", "carol");
        registrationBefore = given().auth().oauth2(carolToken).get(CONNECTOR + "/api/connectors/registrations/" + CLIENT)
                .then().statusCode(200).extract().jsonPath().getMap("");
        given().auth().oauth2(carolToken).contentType("application/json").body(registration(List.of("ecm", "generic")))
                .put(CONNECTOR + "/api/connectors/registrations/" + CLIENT).then().statusCode(200);
    }

    @AfterAll
    static void restoreTheRegistration() {
        if (registrationBefore == null) return;
        given().auth().oauth2(carolToken).contentType("application/json").body(registration(registrationBefore.get("sources")))
                .put(CONNECTOR + "/api/connectors/registrations/" + CLIENT).then().statusCode(200);
    }

    /**
     * The registration as it was, with these sources: its default audience, system, name, people matching and the
     * private or secret communities it lists are kept (a PUT replaces the whole registration).
     */
    private static Map<String, Object> registration(Object sources) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("sources", sources);
        for (String field : List.of("defaultAudience", "system", "systemName", "people", "communities")) {
            if (registrationBefore.get(field) != null) body.put(field, registrationBefore.get(field));
        }
        return body;
    }

    @ParameterizedTest(name = "a generic {0} shows as a card in the home feed and as a search hit")
    @CsvSource({"Note, event", "Document, document", "Event, event"})
    void aGenericObjectShowsAsACardAndASearchHitWithTheSystemsName(String as2Type, String hitType) {
        String word = "zorglub" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String ceId = "e2e-generic-" + word;
        String objectId = "e2e-" + as2Type.toLowerCase() + "-" + word;
        String systemName = String.valueOf(registrationBefore.get("systemName"));
        String cardId = given().auth().oauth2(systemToken).contentType("application/cloudevents+json").body("""
                {"specversion":"1.0","id":"%s","source":"/e2e/intranet","type":"com.example.e2e.published",
                 "data":{"@context":["https://www.w3.org/ns/activitystreams",{"@language":"fr"}],"type":"Create",
                         "actor":{"type":"Application","name":"Outil interne"},
                         "object":{"type":"%s","id":"%s","name":"Titre %s","content":"<p>Texte %s pour tous</p>",
                                   "url":{"type":"Link","href":"https://intranet.example/%s"}},
                         "to":"https://www.w3.org/ns/activitystreams#Public"}}"""
                        .formatted(ceId, as2Type, objectId, word, word, objectId))
                .post(CONNECTOR + "/api/connectors/generic/events").then().statusCode(202).extract().path("objectId");
        // the system's own namespace: the source and the registered system, then its id
        assertThat(cardId).isEqualTo("urn:relais:external:generic." + registrationBefore.get("system") + ":" + objectId);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath feed = given().auth().oauth2(aliceToken).get(FEED + "/api/feed/home").then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> cards = feed.getList("items.findAll { it.post.id == '" + cardId + "' }.post");
            assertThat(cards).as("card " + cardId + " in alice's home feed").hasSize(1);
            assertThat(feed.getString("items.find { it.post.id == '" + cardId + "' }.post.card.systemName")).isEqualTo(systemName);
            assertThat(feed.getString("items.find { it.post.id == '" + cardId + "' }.post.card.title.fr")).isEqualTo("Titre " + word);
        });

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath hits = given().auth().oauth2(aliceToken).queryParam("q", word).get(SEARCH + "/api/search")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(hits.getList("hits.id")).as("search hits for " + word).containsExactly(cardId);
            assertThat(hits.getString("hits[0].type")).isEqualTo(hitType);
            assertThat(hits.getString("hits[0].source")).isEqualTo(systemName);
            assertThat(hits.getString("hits[0].title")).isEqualTo("Titre " + word);
        });
    }

    /** The system deletes its card: the thread, every feed and search lose it (connector → feed-service, search-service). */
    @org.junit.jupiter.api.Test
    void aGenericCardItsSystemDeletesIsGoneFromTheThreadTheFeedAndSearch() {
        String word = "zorglub" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String objectId = "e2e-deleted-" + word;
        String cardId = send("e2e-generic-create-" + word, """
                {"type":"Create","object":{"type":"Note","id":"%s","name":"Titre %s","content":"<p>Texte %s</p>"},
                 "to":"https://www.w3.org/ns/activitystreams#Public"}""".formatted(objectId, word, word));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            given().auth().oauth2(aliceToken).get(FEED + "/api/posts/{id}", cardId).then().statusCode(200);
            assertThat(searchHits(word)).containsExactly(cardId);
        });

        send("e2e-generic-delete-" + word, """
                {"type":"Delete","object":"%s"}""".formatted(objectId));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            given().auth().oauth2(aliceToken).get(FEED + "/api/posts/{id}", cardId).then().statusCode(404);
            assertThat(searchHits(word)).isEmpty();
            assertThat(given().auth().oauth2(aliceToken).queryParam("limit", 50).get(FEED + "/api/feed/home").then()
                    .statusCode(200).extract().jsonPath().getList("items.post.id")).doesNotContain(cardId);
        });
        given().auth().oauth2(aliceToken).contentType("application/json").body(Map.of("content", "Encore là ?"))
                .post(FEED + "/api/posts/{id}/comments", cardId).then().statusCode(404);
    }

    /**
     * A Note's attachments travel connector → feed-service: the card carries each web link with its name as the
     * system wrote it (text, shown escaped by the web app), so an employee can open what the note points to.
     */
    @org.junit.jupiter.api.Test
    void aGenericNotesAttachmentReachesItsCardWithItsName() {
        String word = "zorglub" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String cardId = send("e2e-generic-attached-" + word, """
                {"type":"Create","object":{"type":"Note","id":"e2e-attached-%s","name":"Titre %s","content":"<p>Texte %s</p>",
                  "attachment":[{"type":"Document","name":"Reglement <2027> & annexes","mediaType":"application/pdf",
                                 "url":"https://intranet.example/%s.pdf"}]},
                 "to":"https://www.w3.org/ns/activitystreams#Public"}""".formatted(word, word, word, word));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath post = given().auth().oauth2(aliceToken).get(FEED + "/api/posts/{id}", cardId).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(post.getList("post.card.attachments.url")).containsExactly("https://intranet.example/" + word + ".pdf");
            assertThat(post.getString("post.card.attachments[0].name")).isEqualTo("Reglement <2027> & annexes");
            assertThat(post.getString("post.card.attachments[0].mediaType")).isEqualTo("application/pdf");
        });
    }

    /** One structured CloudEvent from the system; answers the card's IRI from the receipt. */
    private static String send(String ceId, String activity) {
        return given().auth().oauth2(systemToken).contentType("application/cloudevents+json").body("""
                {"specversion":"1.0","id":"%s","source":"/e2e/intranet","type":"com.example.e2e.changed","data":%s}"""
                        .formatted(ceId, activity))
                .post(CONNECTOR + "/api/connectors/generic/events").then().statusCode(202).extract().path("objectId");
    }

    private static List<Object> searchHits(String word) {
        return given().auth().oauth2(aliceToken).queryParam("q", word).get(SEARCH + "/api/search").then().statusCode(200)
                .extract().jsonPath().getList("hits.id");
    }

    private static String token(String grant, String user, String password) {
        var request = given().formParam("grant_type", grant);
        request = grant.equals("client_credentials")
                ? request.formParam("client_id", user).formParam("client_secret", user + "-secret")
                : request.formParam("client_id", "relais-web").formParam("username", user).formParam("password", password);
        return request.post(KEYCLOAK + "/realms/relais/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }
}
