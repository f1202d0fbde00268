package io.relais.feed.moderation;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.CloudEventAttributes;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.RecordKey;
import io.relais.events.RelaisExtension;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.moderation.DecisionTest.aCommunityWithAModerator;
import static io.relais.feed.moderation.DecisionTest.communityFeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Business cards (a connector's events, documents, external objects) are reported and moderated like posts of their
 * community. The tester's finding: the thread said {@code can.moderate} but every report or decision on a card was
 * refused with 400, so a wrong or abusive card could not be hidden.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class CardModerationTest {

    /** A CRM card in a community, published as the CRM connector does; answers its IRI once readers see it. */
    static String aCardIn(String slug, String reader) {
        return aCardIn(slug, reader, null);
    }

    /** As {@link #aCardIn(String, String)}, naming {@code ownerLogin} as the deal's owner ({@code attributedTo}; null: nobody). */
    static String aCardIn(String slug, String reader, String ownerLogin) {
        String id = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        AsObject deal = AsObject.builder().id(id).type(As2.EVENT).attributedTo(ownerLogin == null ? null : Iri.person(ownerLogin))
                .name("Deal won: Acme").nameMap(Map.of("en", "Deal won: Acme", "fr", "Affaire gagnée : Acme"))
                .summary("Acme signs for three years").to(Iri.community(slug))
                .relais(Map.of("business", Map.of("source", "crm", "eventType", "opportunity.won", "system", "salesforce",
                        "sourceEventId", "sf-" + id.hashCode(), "data", Map.of("amount", 120_000))))
                .build();
        AsObject system = AsObject.builder().id("urn:relais:source:crm.salesforce").type(As2.APPLICATION).name("Salesforce").build();
        Activity a = Activity.builder().type(As2.CREATE).actor(system.id()).generator(system).object(deal).to(Iri.community(slug)).build();
        KafkaProbe.publish(Topics.ACTIVITIES, RecordKey.of(a), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(a),
                CloudEventAttributes.type(a), "/connectors/crm/salesforce", CloudEventAttributes.subject(a)), ActivityJson.writeString(a));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(communityFeed(reader, slug)).contains(id));
        return id;
    }

    /**
     * A document card in a community, named and published as connector-service maps an ECM {@code document.published}
     * ({@code urn:relais:document:ecm.sharepoint:<id>}); answers its IRI once readers see it.
     */
    static String aDocumentIn(String slug, String reader) {
        String id = Iri.document("ecm.sharepoint", "DOC-" + EventId.next());
        AsObject doc = AsObject.builder().id(id).type(As2.DOCUMENT).name("Charte télétravail").nameMap(Map.of("fr", "Charte télétravail"))
                .url("https://sharepoint.example/d/42").published(java.time.Instant.now()).to(Iri.community(slug))
                .relais(Map.of("business", Map.of("source", "ecm", "eventType", "document.published", "system", "sharepoint",
                        "sourceEventId", "sp-" + id.hashCode(), "data", Map.of())))
                .build();
        AsObject system = AsObject.builder().id("urn:relais:source:ecm.sharepoint").type(As2.APPLICATION).name("SharePoint").build();
        Activity a = Activity.builder().type(As2.CREATE).actor(system.id()).generator(system).object(doc).to(Iri.community(slug)).build();
        KafkaProbe.publish(Topics.ACTIVITIES, RecordKey.of(a), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(a),
                CloudEventAttributes.type(a), "/connectors/ecm/sharepoint", CloudEventAttributes.subject(a)), ActivityJson.writeString(a));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(communityFeed(reader, slug)).contains(id));
        return id;
    }

    /**
     * A document card, named in its system's namespace as the connector names it, is opened, reported, hidden and restored
     * like any card. The tester's finding: feed-service's request check still knew only {@code urn:relais:document:<id>},
     * so every open, report and decision on a SharePoint document answered 400 while its thread said {@code can.moderate}.
     */
    @Test
    void aDocumentCardNamedInItsSystemsNamespaceIsOpenedReportedHiddenAndRestored() {
        DecisionTest.Setup s = aCommunityWithAModerator();
        String doc = aDocumentIn(s.slug(), s.reader());
        as(s.reader()).body(Map.of("object", doc)).post("/api/views").then().statusCode(204);
        as(s.reader()).body(Map.of("object", doc, "reason", "confidential")).post("/api/reports").then().statusCode(201);
        as(s.mod()).body(Map.of("object", doc, "action", "hide", "reason", "Version de travail")).post("/api/moderation/actions")
                .then().statusCode(200).body("state", equalTo("hidden")).body("reportsResolved", equalTo(1));
        as(s.reader()).get("/api/posts/{id}", doc).then().statusCode(404);
        as(s.mod()).body(Map.of("object", doc, "action", "restore", "reason", "Version publiée")).post("/api/moderation/actions")
                .then().statusCode(200).body("state", equalTo("visible"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(s.reader()).get("/api/posts/{id}", doc).then().statusCode(200)
                .body("post.card.title.fr", equalTo("Charte télétravail")));
    }

    @Test
    void aReportedCardIsHiddenFromReadersFoundInTheHiddenQueueAndRestoredWhole() {
        DecisionTest.Setup s = aCommunityWithAModerator();
        String card = aCardIn(s.slug(), s.reader());
        as(s.reader()).body(Map.of("object", card, "reason", "confidential", "comment", "Montant confidentiel"))
                .post("/api/reports").then().statusCode(201);
        as(s.mod()).get("/api/moderation/queue?community={slug}", s.slug()).then().statusCode(200)
                .body("items.find { it.object == '" + card + "' }.kind", equalTo("card"))
                .body("items.find { it.object == '" + card + "' }.excerpt", equalTo("Affaire gagnée : Acme — Acme signs for three years"))
                .body("items.find { it.object == '" + card + "' }.author.displayName", equalTo("Salesforce"));

        as(s.mod()).body(Map.of("object", card, "action", "hide", "reason", "Montant confidentiel")).post("/api/moderation/actions")
                .then().statusCode(200).body("state", equalTo("hidden")).body("reportsResolved", equalTo(1));
        as(s.reader()).get("/api/posts/{id}", card).then().statusCode(404);
        assertThat(communityFeed(s.reader(), s.slug())).doesNotContain(card);
        as(s.reader()).get("/api/feed/home").then().statusCode(200).body("items.post.id", not(hasItem(card)));
        as(s.mod()).get("/api/moderation/queue?community={slug}&state=hidden", s.slug()).then().statusCode(200)
                .body("items.find { it.object == '" + card + "' }.hiddenBy.login", equalTo(s.mod()));

        as(s.mod()).body(Map.of("object", card, "action", "restore", "reason", "Montant public")).post("/api/moderation/actions")
                .then().statusCode(200).body("state", equalTo("visible"));
        // the decisions went through the log and the cards consumer: the card keeps its system's title and summary
        KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Update\"") && r.value().contains(card)
                && r.value().contains("\"restore\""), 1, Duration.ofSeconds(30));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(s.reader())
                .get("/api/posts/{id}", card).then().statusCode(200).body("post.card.title.en", equalTo("Deal won: Acme"))
                .body("post.content", equalTo("Acme signs for three years")).body("post.edited", equalTo(null)));
        assertThat(communityFeed(s.reader(), s.slug())).contains(card);
    }

    /**
     * A hidden card answers 404 to everyone who may not moderate it, the owner it names included (its system wrote it):
     * reporting it follows the same rule as reading it, so that owner cannot report what they can no longer read.
     */
    @Test
    void aHiddenCardIsReportedOnlyByWhoCanStillReadItNotByItsNamedOwner() {
        DecisionTest.Setup s = aCommunityWithAModerator();
        String owner = s.author();
        String card = aCardIn(s.slug(), s.reader(), owner);
        as(owner).get("/api/posts/{id}", card).then().statusCode(200).body("post.author.login", equalTo(owner));
        as(s.mod()).body(Map.of("object", card, "action", "hide", "reason", "Montant confidentiel")).post("/api/moderation/actions")
                .then().statusCode(200).body("state", equalTo("hidden"));

        as(owner).get("/api/posts/{id}", card).then().statusCode(404);
        as(owner).body(Map.of("object", card, "reason", "other", "comment", "C'est mon affaire")).post("/api/reports").then().statusCode(404);
        as(s.reader()).body(Map.of("object", card, "reason", "other")).post("/api/reports").then().statusCode(404);
        // its moderators still reach it (their queue lists it): the one exception, as for a decision
        as(s.mod()).body(Map.of("object", card, "reason", "confidential")).post("/api/reports").then().statusCode(201);
    }

    /** What search-service reads: the hide takes the card out, the restore's Update is the whole card to index again. */
    @Test
    void aDecisionAboutACardPublishesTheWholeCardWithItsState() {
        DecisionTest.Setup s = aCommunityWithAModerator();
        String card = aCardIn(s.slug(), s.reader());
        as(s.mod()).body(Map.of("object", card, "action", "hide", "reason", "Erreur du CRM")).post("/api/moderation/actions").then().statusCode(200);
        as(s.mod()).body(Map.of("object", card, "action", "restore", "reason", "Corrigé")).post("/api/moderation/actions").then().statusCode(200);
        List<Activity> updates = KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Update\"") && r.value().contains(card),
                2, Duration.ofSeconds(30)).stream().map(r -> ActivityJson.read(r.value())).toList();
        Activity restore = updates.stream().filter(u -> RelaisExtension.of(u).moderation().map(m -> "restore".equals(m.action())).orElse(false))
                .findFirst().orElseThrow();
        assertThat(restore.object().type()).isEqualTo(As2.EVENT);
        assertThat(restore.object().nameMap()).containsEntry("en", "Deal won: Acme");
        assertThat(restore.object().summary()).isEqualTo("Acme signs for three years");
        // feed-service may assert it (a business fact would be dead-lettered by every consumer, search included)
        for (Activity u : updates) assertThat(io.relais.events.SourceAuthority.check(CloudEventAttributes.FEED_SOURCE, u)).isEmpty();
        assertThat(restore.generator().name()).isEqualTo("Salesforce");
        assertThat(RelaisExtension.of(restore.object()).moderation().orElseThrow().hidden()).isFalse();
        assertThat(updates.stream().anyMatch(u -> RelaisExtension.of(u.object()).moderation().map(RelaisExtension.Moderation::hidden)
                .orElse(false))).isTrue();
    }

    @Test
    void onlyTheCardsCommunityModeratorsAndManagersDecideOnIt() {
        DecisionTest.Setup s = aCommunityWithAModerator();
        String card = aCardIn(s.slug(), s.reader());
        Map<String, String> hide = Map.of("object", card, "action", "hide", "reason", "Test");
        as(s.reader()).body(hide).post("/api/moderation/actions").then().statusCode(403);
        as(s.owner()).body(Map.of("object", card, "action", "hide", "reason", "Test")).post("/api/moderation/actions").then().statusCode(200);
        as(s.owner()).body(Map.of("object", card, "action", "restore", "reason", "Test")).post("/api/moderation/actions").then().statusCode(200);
        // the card is addressed to its community only: another community's moderator may not even see it
        as(aCommunityWithAModerator().mod()).body(hide).post("/api/moderation/actions").then().statusCode(404);
        String manager = person("manager");
        io.relais.feed.community.Fixtures.addMember(s.slug(), s.owner(), manager);
        as(manager, "employee", "community-manager").body(hide).post("/api/moderation/actions").then().statusCode(200);
    }

    /**
     * A card is moderated as a post: the person it names (its owner in the business system) decides nothing on it, even as
     * a moderator of its community, and once a community manager hid it only a community manager or an admin restores it.
     */
    @Test
    void aCardsNamedOwnerDecidesNothingOnItAndWhatAManagerHidOnlyAManagerRestores() {
        DecisionTest.Setup s = aCommunityWithAModerator();
        String card = aCardIn(s.slug(), s.reader(), s.mod());
        as(s.mod()).body(Map.of("object", card, "action", "hide", "reason", "Test")).post("/api/moderation/actions").then()
                .statusCode(403).body("errors[0].field", equalTo("object"));
        String manager = person("manager");
        io.relais.feed.community.Fixtures.addMember(s.slug(), s.owner(), manager);
        as(manager, "employee", "community-manager").body(Map.of("object", card, "action", "hide", "reason", "Montant confidentiel"))
                .post("/api/moderation/actions").then().statusCode(200);

        as(s.owner()).body(Map.of("object", card, "action", "restore", "reason", "Test")).post("/api/moderation/actions").then()
                .statusCode(403).body("errors[0].field", equalTo("object"));
        assertThat(communityFeed(s.reader(), s.slug())).doesNotContain(card);
        as(manager, "employee", "community-manager").body(Map.of("object", card, "action", "restore", "reason", "Montant public"))
                .post("/api/moderation/actions").then().statusCode(200).body("state", equalTo("visible"));
    }
}
