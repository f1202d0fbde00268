package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.CloudEventAttributes;
import io.relais.events.Iri;
import io.relais.events.RecordKey;
import io.relais.events.SourceAuthority;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.deal;
import static io.relais.connector.ConnectorFixtures.document;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.testing.KafkaProbe.recordsNow;
import static io.relais.connector.ConnectorFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/** The crm and ecm sources: cards go to the team's / target community, or to the registration's default. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class CrmAndEcmConnectorTest {

    /** The people and communities the fixtures' events name exist, as a card may only name what exists. */
    @BeforeEach
    void theWorldTheEventsName() {
        ConnectorFixtures.knownWorld();
    }


    private static Activity published(String eventId) {
        List<ConsumerRecord<String, String>> records = recordsNow(Topics.ACTIVITIES, mentioning(eventId));
        assertThat(records).hasSize(1);
        return ActivityJson.read(records.get(0).value());
    }

    @Test
    void aWonDealWithoutTeamGoesToTheRegistrationsDefaultAudience() {
        String eventId = unique("sf");
        asClient("crm-connector").body(deal("opportunity.won", eventId, null)).post("/api/connectors/crm/events")
                .then().statusCode(202).body("status", equalTo("published"));
        Activity a = published(eventId);
        assertThat(a.to()).containsExactly(Audience.ORGANISATION);
        assertThat(a.generator().name()).isEqualTo("Salesforce");
        assertThat(a.object().attributedTo()).isEqualTo(Iri.person("bob"));
        assertThat(a.object().nameMap().get("fr")).isEqualTo("Affaire gagnée : Renouvellement flotte 🎉");
        assertThat(a.object().summaryMap().get("en")).contains("125000.5 EUR");
        @SuppressWarnings("unchecked")
        Map<String, Object> business = (Map<String, Object>) a.object().relais().get("business");
        assertThat(business).containsEntry("source", "crm").containsEntry("eventType", "opportunity.won");
    }

    /**
     * Real account names look like markup ({@code Smith & Sons <EMEA>}): the CRM cannot rename its customer, so the
     * card is accepted and its title and summary carry the text unchanged (pages escape it; nothing here parses it).
     */
    @Test
    void aCustomerNamedLikeMarkupIsAcceptedAndItsCardCarriesTheExactText() {
        String eventId = unique("sf");
        String customer = "Smith & Sons <EMEA> <img src=x onerror=alert(1)>";
        asClient("crm-connector").body(deal("opportunity.won", eventId, null)
                        .replace("Transports Lemoine", customer).replace("Renouvellement flotte", customer))
                .post("/api/connectors/crm/events").then().statusCode(202).body("status", equalTo("published"));
        Activity a = published(eventId);
        assertThat(a.object().nameMap()).containsEntry("en", "Deal won: " + customer + " 🎉");
        assertThat(a.object().summaryMap().get("en")).isEqualTo(customer + " signs for 125000.5 EUR. Well done bob!");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) a.object().relais().get("business")).get("data");
        assertThat(data).containsEntry("account", customer);
    }

    @Test
    void aDealForAPublicTeamCommunityIsAlsoAddressedToTheOrganisation() {
        String slug = unique("grands-comptes").toLowerCase();
        // the community is announced on the log, as feed-service does when it is created
        Activity group = Activity.builder().type(As2.CREATE).actor(Iri.person("bob"))
                .object(AsObject.builder().id(Iri.community(slug)).type(As2.GROUP).name("Grands comptes")
                        .relais(Map.of("visibility", "public", "archived", false)).build())
                .to(Audience.ORGANISATION).build();
        KafkaProbe.publish(Topics.ACTIVITIES, RecordKey.of(group), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(group),
                CloudEventAttributes.type(group), CloudEventAttributes.FEED_SOURCE, group.object().id()), ActivityJson.writeString(group));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String eventId = unique("sf");
            asClient("crm-connector").body(deal("contract.signed", eventId, slug).replace("opportunityId\":\"OPP-", "contractId\":\"C-"))
                    .post("/api/connectors/crm/events").then().statusCode(202);
            Activity a = published(eventId);
            assertThat(a.to()).containsExactly(Iri.community(slug));
            assertThat(a.cc()).containsExactly(Audience.ORGANISATION);
        });
    }

    @Test
    void aDealForACommunityNotKnownAsPublicIsAddressedToItsMembersOnly() {
        String eventId = unique("sf");
        asClient("crm-connector").body(deal("opportunity.lost", eventId, "ventes-sud")).post("/api/connectors/crm/events")
                .then().statusCode(202);
        Activity a = published(eventId);
        assertThat(a.to()).containsExactly(Iri.community("ventes-sud"));
        assertThat(a.cc()).isNullOrEmpty();
    }

    /**
     * A client speaks for the one system it was registered for: the system's name is what employees read as a card's
     * sender, so a CRM client naming another system (found trying the stack: "workday", "it-security") is refused,
     * alone and in a batch, naming the field.
     */
    @Test
    void aClientMayNotSendAsAnotherSystemThanItsRegisteredOne() {
        String forged = deal("opportunity.won", unique("sf"), null).replace("\"system\":\"salesforce\"", "\"system\":\"it-security\"");
        asClient("crm-connector").body(forged).post("/api/connectors/crm/events").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("system"))
                .body("errors.message", hasItems("must be this client's registered system (salesforce), or left out"));
        asClient("crm-connector").body("[" + forged + "]").post("/api/connectors/crm/events/batch").then().statusCode(200)
                .body("published", equalTo(0)).body("results[0].errors[0].field", equalTo("[0].system"));
    }

    @Test
    void anInvalidDealListsEachViolation() {
        asClient("crm-connector").body("""
                {"eventType":"opportunity.created","eventId":"%s","occurredAt":"2026-11-22T10:00:00Z",
                 "data":{"opportunityId":"OPP 1","name":"","amount":-5,"currency":"euro","owner":"bob"}}"""
                        .formatted(unique("sf")))
                .post("/api/connectors/crm/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("data.opportunityId", "data.name", "data.account", "data.amount", "data.currency"));
    }

    @Test
    void aPublishedDocumentIsADocumentCardInItsTargetCommunityAndAnUpdateKeepsItsId() {
        String docId = unique("DOC");
        String created = unique("sp");
        asClient("ecm-connector").body(document("document.published", created, docId, "rh"))
                .post("/api/connectors/ecm/events").then().statusCode(202)
                .body("objectId", equalTo("urn:relais:document:ecm.sharepoint:" + docId));
        Activity a = published(created);
        assertThat(a.type()).isEqualTo("Create");
        assertThat(a.object().type()).isEqualTo("Document");
        assertThat(a.object().id()).isEqualTo("urn:relais:document:ecm.sharepoint:" + docId);
        assertThat(a.object().url()).isEqualTo("https://docs.relais.example/d/" + docId);
        assertThat(a.object().mediaType()).isEqualTo("application/pdf");
        assertThat(a.object().size()).isEqualTo(48213L);
        assertThat(a.to()).containsExactly(Iri.community("rh"));

        String updated = unique("sp");
        asClient("ecm-connector").body(document("document.updated", updated, docId, "rh"))
                .post("/api/connectors/ecm/events").then().statusCode(202);
        Activity u = published(updated);
        assertThat(u.type()).isEqualTo("Update");
        assertThat(u.object().id()).isEqualTo(a.object().id());
        assertThat(RecordKey.of(u)).isEqualTo(RecordKey.of(a));
    }

    /**
     * Two document systems of the ecm source (SharePoint, and Alfresco registered beside it) may use the same document
     * ids: a document card names its system ({@code urn:relais:document:ecm.<system>:<id>}), so the second system's
     * {@code document.updated} of that id is its own card, keyed apart, and never rewrites the first's title, link
     * and summary in feed-service and search-service, which believe a document card only from its system.
     */
    @Test
    void aSecondDocumentSystemsUpdateOfTheSameIdIsItsOwnCardNotTheFirsts() {
        ConnectorFixtures.asAdmin().body("""
                {"sources":["ecm"],"defaultAudience":"organisation","system":"alfresco","systemName":"Alfresco"}""")
                .put("/api/connectors/registrations/alfresco-connector").then().statusCode(anyOf(is(200), is(201)));
        String docId = unique("DOC");
        String created = unique("sp");
        asClient("ecm-connector").body(document("document.published", created, docId, null))
                .post("/api/connectors/ecm/events").then().statusCode(202).body("status", equalTo("published"));
        Activity first = published(created);

        String rewrite = unique("alf");
        asClient("alfresco-connector").body(document("document.updated", rewrite, docId, null)
                        .replace("Politique de télétravail 2027", "Document remplacé"))
                .post("/api/connectors/ecm/events").then().statusCode(202).body("status", equalTo("published"));
        List<ConsumerRecord<String, String>> records = recordsNow(Topics.ACTIVITIES, mentioning(rewrite));
        assertThat(records).hasSize(1);
        Activity second = ActivityJson.read(records.get(0).value());
        assertThat(second.object().id()).as("the second system's document card").isNotEqualTo(first.object().id())
                .isEqualTo("urn:relais:document:ecm.alfresco:" + docId);
        assertThat(RecordKey.of(second)).isNotEqualTo(RecordKey.of(first));
        assertThat(first.object().id()).isEqualTo("urn:relais:document:ecm.sharepoint:" + docId);
        String alfresco = KafkaProbe.header(records.get(0), "ce_source");
        assertThat(alfresco).isEqualTo("/connectors/ecm/alfresco");
        // what every consumer checks: its own card is believed, the same update of the first system's card is not
        assertThat(SourceAuthority.check(alfresco, second)).isEmpty();
        Activity ontoTheFirst = second.toBuilder().object(second.object().toBuilder().id(first.object().id()).build()).build();
        assertThat(SourceAuthority.check(alfresco, ontoTheFirst)).isPresent();
    }

    /**
     * An operator's override of {@code document.updated} written for the former shape names the card's IRI itself
     * ({@code objectId: urn:relais:document:{{data.documentId}}}, no system), so it could name another system's card:
     * it is refused, the event is a dead letter naming {@code objectId}, and its replay once the override is gone
     * publishes the card in the system's own namespace.
     */
    @Test
    void aTemplateThatNamesTheDocumentIriItselfMakesADeadLetterNotACard() throws Exception {
        Path override = Path.of("target/test-mappings/ecm/document.updated.json");
        Files.createDirectories(override.getParent());
        Files.writeString(override, """
                {"activity":"Update","object":"Document","objectId":"urn:relais:document:{{data.documentId}}",
                 "owner":"{{data.owner}}","url":"{{data.url}}",
                 "name":{"fr":"{{data.title}}","en":"{{data.title}}"},"summary":{"fr":"{{data.title}}","en":"{{data.title}}"}}""");
        String eventId = unique("sp");
        String docId = unique("DOC");
        try {
            asClient("ecm-connector").body(document("document.updated", eventId, docId, null))
                    .post("/api/connectors/ecm/events").then().statusCode(202)
                    .body("status", equalTo("dead-lettered")).body("reason", containsString("objectId"));
            assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
        } finally {
            Files.deleteIfExists(override); // the fix: back to the built-in template
        }
        ConnectorFixtures.asAdmin().post("/api/connectors/dead-letters/ecm:" + eventId + "/replay").then().statusCode(200)
                .body("status", equalTo("published"));
        assertThat(published(eventId).object().id()).isEqualTo("urn:relais:document:ecm.sharepoint:" + docId);
    }

    @Test
    void aDocumentWithoutTargetGoesToTheDefaultAudience() {
        String eventId = unique("sp");
        asClient("ecm-connector").body(document("document.published", eventId, unique("DOC"), null))
                .post("/api/connectors/ecm/events").then().statusCode(202);
        assertThat(published(eventId).to()).containsExactly(Audience.ORGANISATION);
    }

    /**
     * A card's link is one an employee's browser opens: only http and https, with a host, whatever the case of the
     * scheme; anything else (a script, a local file, inline data, another protocol, no host) is refused naming
     * {@code data.url}. An intranet address is a link like any other (the ECM is often on-premises): nothing on the
     * server side fetches a card's link (feed-service previews only posts' links, under its address policy).
     */
    @Test
    void aDocumentLinkIsAnHttpOrHttpsUrlWithAHostIntranetAddressesIncluded() {
        for (String url : List.of("javascript:alert(1)", "javascript://docs/%0Aalert(1)", "file:///etc/passwd",
                "data:text/html,<script>x()</script>", "vbscript:msgbox", "ftp://files.example/d", "//docs.example/d",
                "https:/docs.example/d", "http:///etc/passwd", "https://")) {
            asClient("ecm-connector").body(document("document.published", unique("sp"), unique("DOC"), null)
                            .replace("https://docs.relais.example/d/", url.replace("\"", "\\\"") + "#"))
                    .post("/api/connectors/ecm/events").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItems("data.url"));
        }
        for (String url : List.of("http://localhost/d/", "http://10.1.2.3/d/", "http://169.254.169.254/d/",
                "https://sharepoint.corp.local/d/", "https://docs.relais.example:8443/d/")) {
            String eventId = unique("sp");
            asClient("ecm-connector").body(document("document.published", eventId, unique("DOC"), null)
                            .replace("https://docs.relais.example/d/", url))
                    .post("/api/connectors/ecm/events").then().statusCode(202);
            assertThat(published(eventId).object().url()).startsWith(url);
        }
    }

    @Test
    void aDocumentWithAnInsecureUrlIsRefused() {
        asClient("ecm-connector").body(document("document.published", unique("sp"), unique("DOC"), null)
                        .replace("https://docs", "javascript://docs"))
                .post("/api/connectors/ecm/events").then().statusCode(400).body("errors.field", hasItems("data.url"));
    }
}
