package io.relais.feed.post;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.CloudEventAttributes;
import io.relais.events.HrAcceptance;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Tag;
import io.relais.events.RecordKey;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.person;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Business events from connector-service become cards that people comment and react to like posts. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class CardProjectionTest {

    static Activity hire(String id, String owner, String... audience) {
        return hrCard("employee.hired", id, owner, audience);
    }

    /** An HR card of {@code eventType} as connector-service maps it (the texts are the hire's: only the type differs). */
    static Activity hrCard(String eventType, String id, String owner, String... audience) {
        AsObject event = AsObject.builder().id(id).type(As2.EVENT).attributedTo(owner == null ? null : Iri.person(owner))
                .name("Bienvenue à Inès").nameMap(Map.of("fr", "Bienvenue à Inès", "en", "Welcome Inès"))
                .summary("Inès rejoint l'équipe Data").summaryMap(Map.of("fr", "Inès rejoint l'équipe Data", "en", "Inès joins the Data team"))
                .to(audience).relais(Map.of("business", Map.of("source", "hr", "eventType", eventType, "system", "workday",
                        "sourceEventId", "wd-" + id.hashCode(), "data", Map.of("login", "ines", "department", "Data"))))
                .build();
        return Activity.builder().type(As2.CREATE).actor("urn:relais:source:hr.workday").object(event).to(audience)
                .generator(AsObject.builder().id("urn:relais:source:hr.workday").type(As2.APPLICATION).name("Workday").build())
                .build();
    }

    /**
     * A card as it is shown: an HR card as profile-service announces it once it applied it ({@link HrAcceptance#accepted}),
     * anything else as its connector publishes it.
     */
    static void publish(Activity a) {
        if (HrAcceptance.awaitsAcceptance(a)) publish(HrAcceptance.accepted(a), CloudEventAttributes.PROFILE_SOURCE);
        else publish(a, "/connectors/hr/workday");
    }

    /** Published as the connector of {@code ceSource}: a card is believed only from the source it belongs to. */
    static void publish(Activity a, String ceSource) {
        publish(a, ceSource, RecordKey.of(a));
    }

    /** Published with {@code key}: records of one key are read in the order they were published. */
    static void publish(Activity a, String ceSource, String key) {
        KafkaProbe.publish(Topics.ACTIVITIES, key, KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(a),
                CloudEventAttributes.type(a), ceSource, CloudEventAttributes.subject(a)), ActivityJson.writeString(a));
    }

    /**
     * A hire names a login; only profile-service knows whether that login may become this new person (HR reusing a
     * working employee's login is refused there). The HR connector's hire is therefore not a card: its welcome card
     * is profile-service's announcement that it applied the hire, and until then nobody sees it anywhere.
     */
    @Test
    void anHrHireIsShownOnlyOnceProfileServiceHasAppliedIt() {
        String alice = person("alice");
        String id = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        Activity hire = mentioning(hire(id, null, Audience.ORGANISATION), alice);
        publish(hire, "/connectors/hr/workday", RecordKey.of(hire)); // as connector-service publishes it
        // read after it by every consumer (same key, same partition): once it is shown, the hire has been passed over
        Activity marker = mentioning(hire(Iri.of(Iri.BUSINESS_EVENT, EventId.next()), null, Audience.ORGANISATION), alice);
        publish(HrAcceptance.accepted(marker), CloudEventAttributes.PROFILE_SOURCE, RecordKey.of(hire));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            as(alice).get("/api/posts/{id}", marker.object().id()).then().statusCode(200);
            as(alice).get("/api/feed/home").then().statusCode(200).body("items.post.id", hasItem(marker.object().id()));
            as(alice).get("/api/notifications").then().statusCode(200).body("items.object", hasItem(marker.object().id()));
        });
        as(alice).get("/api/posts/{id}", id).then().statusCode(404);
        as(alice).get("/api/feed/home").then().statusCode(200).body("items.post.id", not(hasItem(id)));
        as(alice).get("/api/notifications").then().statusCode(200).body("items.object", not(hasItem(id)));
        org.assertj.core.api.Assertions.assertThat(KafkaProbe.recordsNow(Topics.ACTIVITIES_DLQ,
                r -> id.equals(KafkaProbe.header(r, "ce_subject")))).as("passed over, not dead-lettered").isEmpty();

        publish(HrAcceptance.accepted(hire), CloudEventAttributes.PROFILE_SOURCE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            as(alice).get("/api/posts/{id}", id).then().statusCode(200).body("post.card.eventType", equalTo("employee.hired"))
                    .body("post.author.displayName", equalTo("Workday"));
            as(alice).get("/api/feed/home").then().statusCode(200).body("items.post.id", hasItem(id));
            as(alice).get("/api/notifications").then().statusCode(200).body("items.object", hasItem(id));
        });
    }

    /**
     * A move, a leave and an anniversary name a login too, and profile-service keeps a move of a login nobody hired as a
     * pending profile (404 to everyone) and passes over what HR says of an erased person: the HR connector's own card
     * is shown nowhere (post, home feed, notifications), only profile-service's announcement that it applied the event
     * to a person. Before, the connector's move card was shown to every employee ("Nouveau poste pour Pending Person").
     */
    @Test
    void anHrMoveLeaveOrAnniversaryIsShownOnlyOnceProfileServiceHasAppliedIt() {
        String alice = person("alice");
        for (String eventType : List.of("employee.moved", "employee.left", "employee.anniversary")) {
            String id = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
            Activity card = mentioning(hrCard(eventType, id, null, Audience.ORGANISATION), alice);
            publish(card, "/connectors/hr/workday", RecordKey.of(card)); // as connector-service publishes it
            // read after it by every consumer (same key, same partition): once it is shown, the card has been passed over
            Activity marker = mentioning(hrCard(eventType, Iri.of(Iri.BUSINESS_EVENT, EventId.next()), null,
                    Audience.ORGANISATION), alice);
            publish(HrAcceptance.accepted(marker), CloudEventAttributes.PROFILE_SOURCE, RecordKey.of(card));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                as(alice).get("/api/posts/{id}", marker.object().id()).then().statusCode(200);
                as(alice).get("/api/feed/home").then().statusCode(200).body("items.post.id", hasItem(marker.object().id()));
                as(alice).get("/api/notifications").then().statusCode(200).body("items.object", hasItem(marker.object().id()));
            });
            as(alice).get("/api/posts/{id}", id).then().statusCode(404);
            as(alice).get("/api/feed/home").then().statusCode(200).body("items.post.id", not(hasItem(id)));
            as(alice).get("/api/notifications").then().statusCode(200).body("items.object", not(hasItem(id)));

            publish(HrAcceptance.accepted(card), CloudEventAttributes.PROFILE_SOURCE);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                as(alice).get("/api/posts/{id}", id).then().statusCode(200).body("post.card.eventType", equalTo(eventType));
                as(alice).get("/api/feed/home").then().statusCode(200).body("items.post.id", hasItem(id));
            });
        }
    }

    @Test
    void theHrConnectorCannotAnnounceItsOwnHireAsApplied() {
        String alice = person("alice");
        String id = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        publish(HrAcceptance.accepted(hire(id, null, Audience.ORGANISATION)), "/connectors/hr/workday");

        var letter = KafkaProbe.awaitRecords(Topics.ACTIVITIES_DLQ, r -> id.equals(KafkaProbe.header(r, "ce_subject")),
                1, Duration.ofSeconds(30)).get(0);
        org.assertj.core.api.Assertions.assertThat(KafkaProbe.header(letter, "dead-letter-reason"))
                .contains("accepted HR cards are owned by /relais/profile-service");
        as(alice).get("/api/posts/{id}", id).then().statusCode(404);
    }

    /**
     * Two document systems of the ecm source may use the same document ids: a document card names its system
     * ({@code urn:relais:document:ecm.<system>:…}), so an Update of SharePoint's card from Alfresco's connector is
     * dead-lettered naming the rule, and the card keeps SharePoint's title and link.
     */
    @Test
    void anUpdateOfADocumentCardFromAnotherDocumentSystemIsDeadLetteredAndTheCardStays() {
        String alice = person("alice");
        String id = Iri.document("ecm.sharepoint", "DOC-" + EventId.next());
        publish(document(id, "sharepoint", "SharePoint", As2.CREATE, "Charte télétravail", "https://sharepoint.example/d/42"),
                "/connectors/ecm/sharepoint");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(alice).get("/api/posts/{id}", id).then().statusCode(200)
                .body("post.card.title.fr", equalTo("Charte télétravail")));

        Activity rewrite = document(id, "alfresco", "Alfresco", As2.UPDATE, "Charte remplacée", "https://alfresco.example/d/42");
        publish(rewrite, "/connectors/ecm/alfresco");
        // read after the rewrite by every consumer (same key, same partition): once it is shown, the rewrite was handled
        String marker = Iri.document("ecm.sharepoint", "DOC-" + EventId.next());
        publish(document(marker, "sharepoint", "SharePoint", As2.CREATE, "Marqueur", "https://sharepoint.example/d/43"),
                "/connectors/ecm/sharepoint", RecordKey.of(rewrite));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(alice).get("/api/posts/{id}", marker).then().statusCode(200));

        as(alice).get("/api/posts/{id}", id).then().statusCode(200)
                .body("post.card.title.fr", equalTo("Charte télétravail")).body("post.card.url", equalTo("https://sharepoint.example/d/42"));
        var letter = KafkaProbe.awaitRecords(Topics.ACTIVITIES_DLQ,
                r -> CloudEventAttributes.id(rewrite).equals(KafkaProbe.header(r, "ce_id")), 1, Duration.ofSeconds(30)).get(0);
        org.assertj.core.api.Assertions.assertThat(KafkaProbe.header(letter, "dead-letter-reason"))
                .startsWith("source /connectors/ecm/alfresco may not assert Update Document")
                .contains(id + " is not in urn:relais:document:ecm.alfresco:");
    }

    /** A document card as connector-service maps a {@code document.published} (Create) or {@code .updated} of {@code system}. */
    private static Activity document(String id, String system, String systemName, String type, String title, String url) {
        AsObject.Builder doc = AsObject.builder().id(id).type(As2.DOCUMENT).name(title).nameMap(Map.of("fr", title)).url(url)
                .to(Audience.ORGANISATION).relais(Map.of("business", Map.of("source", "ecm", "eventType",
                        As2.CREATE.equals(type) ? "document.published" : "document.updated", "system", system,
                        "sourceEventId", system + "-" + EventId.next(), "data", Map.of())));
        if (As2.UPDATE.equals(type)) doc.updated(java.time.Instant.now());
        else doc.published(java.time.Instant.now());
        AsObject generator = AsObject.builder().id("urn:relais:source:ecm." + system).type(As2.APPLICATION).name(systemName).build();
        return Activity.builder().type(type).actor(generator.id()).generator(generator).object(doc.build())
                .to(Audience.ORGANISATION).build();
    }

    private static Activity mentioning(Activity card, String login) {
        AsObject o = card.object().toBuilder().tag(List.of(Tag.mention(Iri.person(login), login))).build();
        return card.toBuilder().object(o).build();
    }

    @Test
    void aBusinessEventBecomesACardThatIsCommentedAndReactedToLikeAPost() {
        String alice = person("alice");
        String id = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        publish(hire(id, null, Audience.ORGANISATION));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(alice).get("/api/posts/{id}", id).then().statusCode(200)
                .body("post.kind", equalTo("card")).body("post.card.source", equalTo("hr"))
                .body("post.card.eventType", equalTo("employee.hired")).body("post.card.title.en", equalTo("Welcome Inès"))
                .body("post.card.data.department", equalTo("Data")).body("post.author.displayName", equalTo("Workday")));
        as(alice).body(Map.of("content", "Bienvenue Inès !")).post("/api/posts/{id}/comments", id).then().statusCode(201);
        as(alice).body(Map.of("kind", "celebrate")).put("/api/posts/{id}/reactions/mine", id).then().statusCode(200);
        as(alice).body(Map.of("content", "edit")).put("/api/posts/{id}", id).then().statusCode(403);
        as(alice).get("/api/posts/{id}", id).then().body("post.commentCount", equalTo(1)).body("post.reactions.celebrate", equalTo(1));
    }

    /** A customer named like markup ({@code Smith & Sons <EMEA>}) is read as text on the card, and as escaped text in its HTML. */
    @Test
    void aCardWhoseTextLooksLikeMarkupShowsThatTextExactly() {
        String alice = person("alice");
        String id = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        String customer = "Smith & Sons <EMEA> <img src=x onerror=alert(1)>";
        Activity a = hire(id, null, Audience.ORGANISATION);
        AsObject o = a.object();
        AsObject deal = AsObject.builder().id(o.id()).type(o.type()).name("Affaire gagnée : " + customer)
                .nameMap(Map.of("fr", "Affaire gagnée : " + customer, "en", "Deal won: " + customer))
                .summary(customer + " signe.").summaryMap(Map.of("fr", customer + " signe.", "en", customer + " signs."))
                .to(Audience.ORGANISATION).relais(o.relais()).build();
        publish(Activity.builder().type(As2.CREATE).actor(a.actor()).object(deal).to(Audience.ORGANISATION).generator(a.generator()).build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(alice).get("/api/posts/{id}", id).then().statusCode(200)
                .body("post.card.title.en", equalTo("Deal won: " + customer))
                .body("post.card.summary.fr", equalTo(customer + " signe."))
                .body("post.content", equalTo("Smith &amp; Sons &lt;EMEA&gt; &lt;img src=x onerror=alert(1)&gt; signe.")));
    }

    @Test
    void replayingACardKeepsItsCommentsAndReactionsAndAnUpdateChangesItsText() {
        String alice = person("alice");
        String id = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        Activity create = hire(id, alice, Audience.ORGANISATION);
        publish(create);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(alice).get("/api/posts/{id}", id).then().statusCode(200));
        as(alice).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", id).then().statusCode(200);
        as(alice).body(Map.of("content", "Top")).post("/api/posts/{id}/comments", id).then().statusCode(201);
        publish(create); // replay
        Activity update = create.toBuilder().id(Iri.of(Iri.ACTIVITY, EventId.next())).type(As2.UPDATE)
                .object(create.object().toBuilder().nameMap(Map.of("fr", "Bienvenue à Inès D.", "en", "Welcome Inès D.")).build()).build();
        publish(update);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(alice).get("/api/posts/{id}", id).then()
                .body("post.card.title.en", equalTo("Welcome Inès D.")));
        as(alice).get("/api/posts/{id}", id).then().body("post.reactions.like", equalTo(1)).body("post.commentCount", equalTo(1))
                .body("comments.size()", equalTo(1)).body("post.author.login", equalTo(alice));
    }

    @Test
    void aGenericSystemsObjectInItsOwnNamespaceIsACardShownAsTheSystem() {
        String reader = person("rita");
        String id = Iri.external("generic.intranet", "intranet-page-" + EventId.next());
        AsObject page = AsObject.builder().id(id).type(As2.DOCUMENT).name("Nouvelle charte télétravail")
                .url("https://intranet.example/charte").to(Audience.ORGANISATION)
                .relais(Map.of("business", Map.of("source", "generic", "eventType", "document.published",
                        "system", "intranet", "sourceEventId", id))).build();
        AsObject system = AsObject.builder().id("urn:relais:source:generic.intranet").type(As2.APPLICATION).name("Intranet").build();
        publish(Activity.builder().type(As2.CREATE).actor(system.id()).generator(system).object(page).to(Audience.ORGANISATION).build(),
                "/connectors/generic/intranet");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(reader).get("/api/posts/{id}", id).then().statusCode(200)
                .body("post.kind", equalTo("card")).body("post.card.source", equalTo("generic"))
                .body("post.card.url", equalTo("https://intranet.example/charte"))
                .body("post.author.displayName", equalTo("Intranet")));
    }

    /**
     * A generic system's Note (the generic connector makes it an Event whose {@code data.objectType} is Note) keeps
     * the attachments the connector let through: each link's http(s) URL, its name as plain text and its media type;
     * anything that is not an http(s) URL is not carried (what feed-service shows is believed only as a web link).
     */
    @Test
    void aGenericNotesAttachmentsAreCarriedOnTheCardAsWebLinksOnly() {
        String reader = person("noemie");
        String id = Iri.external("generic.intranet", "intranet-note-" + EventId.next());
        AsObject system = AsObject.builder().id("urn:relais:source:generic.intranet").type(As2.APPLICATION).name("Intranet").build();
        AsObject note = AsObject.builder().id(id).type(As2.EVENT).name("Inscriptions CSE").summary("Ouvertes jusqu'au 15")
                .url("https://intranet.example/cse").to(Audience.ORGANISATION)
                .attachment(List.of(
                        AsObject.builder().type(As2.DOCUMENT).name("Règlement <b>2027</b>").url("https://intranet.example/cse/reglement.pdf")
                                .mediaType("application/pdf").build(),
                        AsObject.builder().type(As2.IMAGE).url("http://intranet.example/cse/affiche.png").build(),
                        AsObject.builder().type(As2.DOCUMENT).name("Piège").url("javascript:alert(1)").build()))
                .relais(Map.of("business", Map.of("source", "generic", "eventType", "intranet.note", "system", "intranet",
                        "sourceEventId", id, "data", Map.of("activityType", "Create", "objectType", "Note")))).build();
        publish(Activity.builder().type(As2.CREATE).actor(system.id()).generator(system).object(note).to(Audience.ORGANISATION).build(),
                "/connectors/generic/intranet");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(reader).get("/api/posts/{id}", id).then().statusCode(200)
                .body("post.card.url", equalTo("https://intranet.example/cse"))
                .body("post.card.attachments.url", contains("https://intranet.example/cse/reglement.pdf",
                        "http://intranet.example/cse/affiche.png"))
                .body("post.card.attachments[0].name", equalTo("Règlement <b>2027</b>"))
                .body("post.card.attachments[0].mediaType", equalTo("application/pdf"))
                .body("post.card.attachments[1].type", equalTo("Image")));
    }

    /**
     * A card its system deleted is gone for readers as a deleted post is: 404 to read, to comment on, to react to.
     * Another system of the same source type cannot delete it (its namespace is not theirs).
     */
    @Test
    void aCardItsSystemDeletedIsNotFoundAndAnotherSystemsDeleteIsNotBelieved() {
        String reader = person("rolande");
        String id = Iri.external("generic.intranet", "intranet-news-" + EventId.next());
        AsObject system = AsObject.builder().id("urn:relais:source:generic.intranet").type(As2.APPLICATION).name("Intranet").build();
        java.util.function.Function<String, Activity> news = title -> Activity.builder().type(As2.CREATE).actor(system.id())
                .generator(system).to(Audience.ORGANISATION).object(AsObject.builder().id(id).type(As2.EVENT).name(title)
                        .summary("Inscriptions ouvertes").to(Audience.ORGANISATION).relais(Map.of("business", Map.of(
                                "source", "generic", "eventType", "news.published", "system", "intranet", "sourceEventId", id)))
                        .build()).build();
        publish(news.apply("Fête d'été"), "/connectors/generic/intranet");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(reader).get("/api/posts/{id}", id).then().statusCode(200));

        Activity delete = Activity.builder().type(As2.DELETE).actor(system.id()).to(Audience.ORGANISATION)
                .object(AsObject.builder().id(id).type(As2.TOMBSTONE).formerType(As2.EVENT).build()).build();
        publish(delete, "/connectors/generic/wiki"); // another generic system: refused, dead-lettered
        Activity update = news.apply("Fête d'été (reportée)").toBuilder().type(As2.UPDATE).build();
        publish(update, "/connectors/generic/intranet"); // same key: read after the refused delete
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(reader).get("/api/posts/{id}", id).then().statusCode(200)
                .body("post.card.title.und", equalTo("Fête d'été (reportée)")));

        publish(delete, "/connectors/generic/intranet");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(reader).get("/api/posts/{id}", id).then().statusCode(404)
                .contentType("application/problem+json"));
        as(reader).body(Map.of("content", "Toujours d'actualité ?")).post("/api/posts/{id}/comments", id).then().statusCode(404);
        as(reader).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", id).then().statusCode(404);
    }

    @Test
    void aCardAddressedToACommunityIsOnlyForItsMembers() {
        String owner = person("olga");
        String outsider = person("otto");
        String slug = community(owner, "private");
        String id = Iri.document("ecm.alfresco", "ecm-" + EventId.next());
        AsObject doc = AsObject.builder().id(id).type(As2.DOCUMENT).name("Plan projet v3").url("https://ecm.example/doc/42")
                .to(Iri.community(slug)).relais(Map.of("business", Map.of("source", "ecm", "eventType", "document.published",
                        "system", "alfresco", "sourceEventId", id))).build();
        publish(Activity.builder().type(As2.CREATE).actor("urn:relais:source:ecm.alfresco").object(doc).to(Iri.community(slug)).build(),
                "/connectors/ecm/alfresco");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(owner).get("/api/posts/{id}", id).then().statusCode(200)
                .body("post.card.url", equalTo("https://ecm.example/doc/42")).body("post.community.slug", equalTo(slug)));
        as(outsider).get("/api/posts/{id}", id).then().statusCode(404);
    }

    /**
     * A CRM card for a secret community names as owner a person who is not a member (tryout finding): the owner did
     * not write it, so they see it only through its audience — not on the card's page, in their home feed, in their
     * notifications (it mentions them), nor can they remove it; the community's members see it.
     */
    @Test
    void aCardForASecretCommunityIsNotShownToTheOwnerItNamesWhoIsNotAMember() {
        String boardOwner = person("brigitte");
        String dealOwner = person("denis");
        String slug = community(boardOwner, "secret");
        String id = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        AsObject deal = AsObject.builder().id(id).type(As2.EVENT).attributedTo(Iri.person(dealOwner))
                .name("Board-only acquisition").nameMap(Map.of("en", "Board-only acquisition"))
                .tag(List.of(Tag.mention(Iri.person(dealOwner), dealOwner), Tag.mention(Iri.person(boardOwner), boardOwner)))
                .to(Iri.community(slug)).relais(Map.of("business", Map.of("source", "crm", "eventType", "opportunity.won",
                        "system", "salesforce", "sourceEventId", "sf-" + id.hashCode(), "data", Map.of("amount", 50_000_000))))
                .build();
        AsObject system = AsObject.builder().id("urn:relais:source:crm.salesforce").type(As2.APPLICATION).name("Salesforce").build();
        publish(Activity.builder().type(As2.CREATE).actor(system.id()).generator(system).object(deal).to(Iri.community(slug)).build(),
                "/connectors/crm/salesforce");

        // the member sees it in her home feed and is notified of the mention: the fan-out and the notifications ran
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            as(boardOwner).get("/api/feed/home").then().statusCode(200).body("items.post.id", hasItem(id));
            as(boardOwner).get("/api/notifications").then().statusCode(200).body("items.object", hasItem(id));
        });
        as(dealOwner).get("/api/posts/{id}", id).then().statusCode(404);
        as(dealOwner).get("/api/feed/home").then().statusCode(200).body("items.post.id", not(hasItem(id)));
        as(dealOwner).get("/api/notifications").then().statusCode(200).body("items.object", not(hasItem(id)));
        as(dealOwner).delete("/api/posts/{id}", id).then().statusCode(404);
        as(boardOwner).get("/api/posts/{id}", id).then().statusCode(200).body("post.community.slug", equalTo(slug));
    }
}
