package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static io.relais.connector.ConnectorFixtures.asAdmin;
import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.deal;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.connector.ConnectorFixtures.unique;
import static io.relais.connector.GenericFixtures.asGeneric;
import static io.relais.connector.GenericFixtures.cloudEvent;
import static io.relais.connector.GenericFixtures.nothingPublishedFor;
import static io.relais.connector.GenericFixtures.publishedFor;
import static io.relais.testing.KafkaProbe.recordsNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * A registered system addresses every public community (open to the whole organisation anyway), but a private or
 * secret one only when an administrator listed it in the system's registration ({@code communities}) or made it its
 * default audience. Any other private or secret community is refused exactly like a community that does not exist,
 * word for word, on both lanes (mapped business events, generic activities): otherwise a CRM card to {@code board}
 * would reach the board's secret community, and the answer would tell any connector which secret slugs exist.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class RegistrationCommunitiesTest {

    @BeforeEach
    void theWorldTheEventsName() {
        ConnectorFixtures.knownWorld();
    }

    private static String slug(String prefix) {
        return unique(prefix).toLowerCase();
    }

    /** Registers a CRM client of the Salesforce system (the fixtures' deals name it) listing these communities. */
    private static void registerCrm(String client, String defaultAudience, List<String> communities) {
        asAdmin().body("""
                {"sources":["crm"],"defaultAudience":"%s","system":"salesforce","systemName":"Salesforce","communities":%s}"""
                        .formatted(defaultAudience, json(communities)))
                .put("/api/connectors/registrations/" + client).then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)))
                .body("communities", equalTo(communities));
    }

    private static String json(List<String> slugs) {
        return slugs.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** The receipt's reason for a deal sent to {@code team}, which must have been dead-lettered. */
    private static String deadLetterReason(String client, String eventId, String team) {
        return asClient(client).body(deal("opportunity.won", eventId, team)).post("/api/connectors/crm/events")
                .then().statusCode(202).body("status", equalTo("dead-lettered")).extract().path("reason");
    }

    /** What the dry run answers for a deal to {@code team}, with the slug written {@code <slug>}. */
    private static String dryRunAnswer(String client, String team) {
        Response r = asClient(client).body(deal("opportunity.won", "probe-" + team, team)).post("/api/connectors/crm/events/dry-run");
        return r.statusCode() + " " + r.contentType() + " " + r.asString().replace(team, "<slug>");
    }

    @Test
    void aCrmCardToASecretCommunityItsRegistrationDoesNotListIsRefusedLikeOneThatDoesNotExist() {
        String client = "crm-" + slug("acme");
        registerCrm(client, "organisation", List.of());
        String secret = ConnectorFixtures.community(slug("board"), "secret");
        String nowhere = slug("board"); // same shape, never created

        String toSecret = unique("sf"), toNowhere = unique("sf");
        String secretReason = deadLetterReason(client, toSecret, secret);
        String nowhereReason = deadLetterReason(client, toNowhere, nowhere);
        assertThat(secretReason).startsWith("data.team: no community '" + secret + "'");
        assertThat(secretReason.replace(secret, "<slug>")).isEqualTo(nowhereReason.replace(nowhere, "<slug>"));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(toSecret))).isEmpty();
        // the receipt, the dead letter and the dry run say the same: nothing tells the two apart
        assertThat(asClient(client).get("/api/connectors/receipts/crm:" + toSecret).then().statusCode(200)
                .extract().<String>path("reason")).isEqualTo(secretReason);
        assertThat(asAdmin().get("/api/connectors/dead-letters/crm:" + toSecret).then().statusCode(200)
                .extract().<String>path("reason")).isEqualTo(secretReason);
        assertThat(dryRunAnswer(client, secret)).startsWith("422").isEqualTo(dryRunAnswer(client, nowhere));

        // a private community it does not list: the same
        String privateOne = ConnectorFixtures.community(slug("board"), "private");
        assertThat(deadLetterReason(client, unique("sf"), privateOne).replace(privateOne, "<slug>"))
                .isEqualTo(nowhereReason.replace(nowhere, "<slug>"));

        // once the administrator lists it, the same card is published there (the dead letter's replay too), to its
        // members only; the community that does not exist stays refused
        registerCrm(client, "organisation", List.of(secret, nowhere));
        String listed = unique("sf");
        asClient(client).body(deal("opportunity.won", listed, secret)).post("/api/connectors/crm/events")
                .then().statusCode(202).body("status", equalTo("published"));
        Activity a = ActivityJson.read(recordsNow(Topics.ACTIVITIES, mentioning(listed)).get(0).value());
        assertThat(a.to()).containsExactly(Iri.community(secret));
        assertThat(a.cc()).isNullOrEmpty();
        asAdmin().post("/api/connectors/dead-letters/crm:" + toSecret + "/replay").then().statusCode(200)
                .body("status", equalTo("published"));
        assertThat(ActivityJson.read(recordsNow(Topics.ACTIVITIES, mentioning(toSecret)).get(0).value()).to())
                .containsExactly(Iri.community(secret));
        assertThat(deadLetterReason(client, unique("sf"), nowhere)).isEqualTo(nowhereReason);
    }

    @Test
    void aPublicCommunityIsAddressedWithoutBeingListed() {
        String client = "crm-" + slug("acme");
        registerCrm(client, "organisation", List.of());
        String open = ConnectorFixtures.community(slug("grands-comptes"), "public");
        String eventId = unique("sf");
        asClient(client).body(deal("opportunity.won", eventId, open)).post("/api/connectors/crm/events")
                .then().statusCode(202).body("status", equalTo("published"));
        Activity a = ActivityJson.read(recordsNow(Topics.ACTIVITIES, mentioning(eventId)).get(0).value());
        assertThat(a.to()).containsExactly(Iri.community(open));
        assertThat(a.cc()).containsExactly(Audience.ORGANISATION);
    }

    /** The registration's own default audience is a community the administrator chose for it: no need to list it. */
    @Test
    void theDefaultAudiencesSecretCommunityNeedsNoListing() {
        String secret = ConnectorFixtures.community(slug("direction"), "secret");
        String client = "crm-" + slug("acme");
        registerCrm(client, "community:" + secret, List.of());
        String eventId = unique("sf");
        asClient(client).body(deal("opportunity.won", eventId, null)).post("/api/connectors/crm/events")
                .then().statusCode(202).body("status", equalTo("published"));
        assertThat(ActivityJson.read(recordsNow(Topics.ACTIVITIES, mentioning(eventId)).get(0).value()).to())
                .containsExactly(Iri.community(secret));
    }

    @Test
    void aBatchSaysTheSameOfAnUnlistedSecretCommunityAndOfOneThatDoesNotExist() {
        String client = "crm-" + slug("acme");
        registerCrm(client, "organisation", List.of());
        String secret = ConnectorFixtures.community(slug("board"), "secret");
        String nowhere = slug("board");
        Response r = asClient(client).body("[" + deal("opportunity.won", unique("sf"), secret) + ","
                + deal("opportunity.won", unique("sf"), nowhere) + "]").post("/api/connectors/crm/events/batch");
        r.then().statusCode(200).body("published", equalTo(0))
                .body("results[0].outcome", equalTo("dead-lettered")).body("results[1].outcome", equalTo("dead-lettered"));
        assertThat(r.<String>path("results[0].detail").replace(secret, "<slug>"))
                .isEqualTo(r.<String>path("results[1].detail").replace(nowhere, "<slug>"));
    }

    @Test
    void aGenericActivityToAnUnlistedSecretCommunityIsRefusedLikeOneThatDoesNotExistThenPublishedOnceListed() {
        String client = "wiki-" + slug("acme");
        GenericFixtures.register(client, "wiki", "Wiki", "none", List.of());
        String secret = ConnectorFixtures.community(slug("board"), "secret");
        String nowhere = slug("board");
        String open = ConnectorFixtures.community(slug("tribune"), "public");

        // every address field, on the activity and on the object, answers the one way
        for (String addressed : List.of("\"to\":\"urn:relais:community:%s\"", "\"cc\":[\"urn:relais:community:%s\"]",
                "\"audience\":{\"type\":\"Group\",\"id\":\"urn:relais:community:%s\"}", "\"bto\":\"urn:relais:community:%s\"")) {
            String toSecret = unique("ce"), toNowhere = unique("ce");
            Response refusedSecret = asGeneric(client).body(cloudEvent(toSecret, note(addressed.formatted(secret))))
                    .post("/api/connectors/generic/events");
            Response refusedNowhere = asGeneric(client).body(cloudEvent(toNowhere, note(addressed.formatted(nowhere))))
                    .post("/api/connectors/generic/events");
            refusedSecret.then().statusCode(400).contentType("application/problem+json");
            assertThat(refusedSecret.asString().replace(secret, "<slug>"))
                    .as(addressed).isEqualTo(refusedNowhere.asString().replace(nowhere, "<slug>"));
            assertThat(refusedSecret.jsonPath().getList("errors.message", String.class)).containsExactly(
                    "names no community: '" + secret + "' was never created in Relais, or is private or secret and not "
                            + "listed in the registration's communities");
            nothingPublishedFor(toSecret);
        }
        String inObject = unique("ce");
        asGeneric(client).body(cloudEvent(inObject, """
                        {"type":"Create","object":{"type":"Note","name":"Ordre du jour","to":"urn:relais:community:%s"}}"""
                        .formatted(secret)))
                .post("/api/connectors/generic/events").then().statusCode(400).body("errors.field", hasItem("data.object.to"));
        nothingPublishedFor(inObject);

        // a public community needs no listing
        String toOpen = unique("ce");
        asGeneric(client).body(cloudEvent(toOpen, note("\"to\":\"urn:relais:community:" + open + "\"")))
                .post("/api/connectors/generic/events").then().statusCode(202);
        assertThat(publishedFor(toOpen).to()).containsExactly(Iri.community(open));

        // once listed, the secret community is addressed, to its members only
        GenericFixtures.register(client, "wiki", "Wiki", "none", List.of(secret));
        String listed = unique("ce");
        asGeneric(client).body(cloudEvent(listed, note("\"to\":\"urn:relais:community:" + secret + "\"")))
                .post("/api/connectors/generic/events").then().statusCode(202).body("status", equalTo("published"));
        Activity a = publishedFor(listed);
        assertThat(a.to()).containsExactly(Iri.community(secret));
        assertThat(a.cc()).isNullOrEmpty();
    }

    /** A CloudEvent's AS2 note addressed by {@code addressing} (JSON members of the activity). */
    private static String note(String addressing) {
        return """
                {"type":"Create","object":{"type":"Note","name":"Ordre du jour du conseil"},%s}""".formatted(addressing);
    }

    /** connector.defaults."&lt;client&gt;".communities: the test profile lists the fixtures' private communities. */
    @Test
    void aConfiguredDefaultRegistrationListsItsCommunities() {
        asClient("crm-connector").get("/api/connectors/me").then().statusCode(200)
                .body("communities", equalTo(List.of("ventes", "ventes-sud")));
        asAdmin().get("/api/connectors/registrations/hr-connector").then().statusCode(200)
                .body("communities", equalTo(List.of()));
    }

    @Test
    void theRegistrationApiAcceptsAndShowsCommunitiesAndRefusesAMalformedSlugNamingIt() {
        String client = "crm-" + slug("acme");
        asAdmin().body("""
                {"sources":["crm"],"defaultAudience":"organisation","system":"salesforce","systemName":"Salesforce",
                 "communities":["ventes-emea","comite.direction","ventes-emea"]}""")
                .put("/api/connectors/registrations/" + client).then().statusCode(201)
                .body("communities", equalTo(List.of("ventes-emea", "comite.direction")));
        asAdmin().get("/api/connectors/registrations/" + client).then().statusCode(200)
                .body("communities", equalTo(List.of("ventes-emea", "comite.direction")));
        asClient(client).get("/api/connectors/me").then().statusCode(200)
                .body("communities", equalTo(List.of("ventes-emea", "comite.direction")));
        asAdmin().get("/api/connectors/registrations").then().statusCode(200)
                .body("find { it.clientId == '" + client + "' }.communities", equalTo(List.of("ventes-emea", "comite.direction")));

        // left out: none (and a registration that lists none shows an empty list, never null)
        asAdmin().body("""
                {"sources":["crm"],"defaultAudience":"organisation","system":"salesforce","systemName":"Salesforce"}""")
                .put("/api/connectors/registrations/" + client).then().statusCode(200).body("communities", equalTo(List.of()));

        for (String bad : List.of("\"Board\"", "\"urn:relais:community:board\"", "\"\"", "\"-board\"", "\"a b\"", "null", "42")) {
            asAdmin().body("""
                    {"sources":["crm"],"defaultAudience":"organisation","system":"salesforce","systemName":"Salesforce",
                     "communities":["ventes",%s]}""".formatted(bad))
                    .put("/api/connectors/registrations/" + client).then().statusCode(400)
                    .contentType("application/problem+json")
                    // the element by its index, as the caller wrote it (a null one was "communities[1].<list element>")
                    .body("errors.field", equalTo(List.of("communities[1]")));
        }
        asAdmin().body("""
                {"sources":["crm"],"defaultAudience":"organisation","system":"salesforce","systemName":"Salesforce",
                 "communities":"ventes"}""").put("/api/connectors/registrations/" + client).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(startsWith("communities")));
        List<String> tooMany = Collections.nCopies(101, "x").stream().map(x -> slug("c")).toList();
        asAdmin().body("""
                {"sources":["crm"],"defaultAudience":"organisation","system":"salesforce","systemName":"Salesforce",
                 "communities":%s}""".formatted(json(tooMany))).put("/api/connectors/registrations/" + client)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("communities")).body("errors.message", hasItem("must list at most 100 communities"));
        // the refused requests changed nothing
        asAdmin().get("/api/connectors/registrations/" + client).then().statusCode(200).body("communities", equalTo(List.of()));
    }
}
