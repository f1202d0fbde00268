package io.relais.feed.reading;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.Iri;
import io.relais.events.RecordKey;
import io.relais.events.Topics;
import io.relais.feed.profile.PersonErased;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.relais.feed.community.Fixtures.addMember;
import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

/** Opening posts, announcements and cards: what is recorded, what goes on the log, and what it changes for others. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ViewTest {

    static final Duration PATIENCE = Duration.ofSeconds(40);

    @Inject
    ViewStore views;

    @Inject
    Event<PersonErased> erasures;

    private static List<ConsumerRecord<String, String>> viewsOf(String object) {
        return KafkaProbe.recordsNow(Topics.ACTIVITIES, r -> r.value().contains("\"View\"") && r.value().contains(object));
    }

    private static ConsumerRecord<String, String> awaitView(String object, String reader) {
        return KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"View\"") && r.value().contains(object)
                && r.value().contains(Iri.person(reader) + "\""), 1, PATIENCE).get(0);
    }

    @Test
    void openingAnAnnouncementIsOneViewOnTheLogAddressedToNobody() {
        String manager = person("bob");
        String reader = person("dora");
        String announcement = as(manager, "employee", "community-manager").body(Map.of("content", "Nouveau règlement"))
                .post("/api/announcements").then().statusCode(201).extract().path("id");

        as(reader).body(Map.of("object", announcement)).post("/api/views").then().statusCode(204);

        ConsumerRecord<String, String> record = awaitView(announcement, reader);
        Activity view = ActivityJson.read(record.value());
        assertThat(view.type()).isEqualTo(As2.VIEW);
        assertThat(view.actor()).isEqualTo(Iri.person(reader));
        assertThat(view.object().id()).isEqualTo(announcement);
        assertThat(view.target()).as("organisation-wide: no community").isNull();
        assertThat(view.audience()).as("addressed to nobody").isEmpty();
        assertThat(record.key()).as("ordered with its thread").isEqualTo(announcement).isEqualTo(RecordKey.of(view));
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/relais/feed-service");
    }

    @Test
    void reopeningTheSameDayPublishesNothing() {
        String author = person("alice");
        String reader = person("carol");
        String first = post(author, null, "Un post lu deux fois");
        String marker = post(author, null, "Un post lu après");

        as(reader).body(Map.of("object", first)).post("/api/views").then().statusCode(204);
        as(reader).body(Map.of("object", first)).post("/api/views").then().statusCode(204);
        as(reader).body(Map.of("object", marker)).post("/api/views").then().statusCode(204);

        // the outbox publishes in order: once the later open is on the log, the earlier ones are too
        awaitView(marker, reader);
        assertThat(viewsOf(first)).hasSize(1);
        assertThat(views.contains(first, Iri.person(reader), LocalDate.now(ZoneOffset.UTC))).isTrue();
    }

    @Test
    void aCommunityItemsViewNamesItsCommunity() {
        String owner = person("olga");
        String reader = person("rita");
        String slug = community(owner, "public");
        addMember(slug, owner, reader);
        String id = post(owner, slug, "Dans la communauté");

        as(reader).body(Map.of("object", id)).post("/api/views").then().statusCode(204);

        assertThat(ActivityJson.read(awaitView(id, reader).value()).target()).isEqualTo(Iri.community(slug));
    }

    @Test
    void nobodyOpensWhatTheyCannotSeeAndNothingIsRecorded() {
        String owner = person("owner");
        String outsider = person("outsider");
        String secret = community(owner, "secret");
        String id = post(owner, secret, "Réservé au comité");

        as(outsider).body(Map.of("object", id)).post("/api/views").then().statusCode(404);
        as(outsider).body(Map.of("object", "urn:relais:post:00000000-0000-7000-8000-000000000000")).post("/api/views")
                .then().statusCode(404);

        assertThat(views.contains(id, Iri.person(outsider), LocalDate.now(ZoneOffset.UTC))).isFalse();
    }

    @Test
    void badInputNamesTheField() {
        String reader = person("reader");
        as(reader).body(Map.of("object", "https://example.com/x")).post("/api/views").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors.field", hasItem("object"));
        as(reader).body(Map.of()).post("/api/views").then().statusCode(400).body("errors.field", hasItem("object"));
        as(reader).body(Map.of("other", "x")).post("/api/views").then().statusCode(400).body("errors.field", hasItem("other"));
        as(reader).body(Map.of("object", Iri.comment("019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70"))).post("/api/views").then()
                .statusCode(400).body("errors.field", hasItem("object"));
    }

    @Test
    void aViewChangesNoFeedAndNotifiesNoOne() {
        String author = person("alice");
        String reader = person("carol");
        String commenter = person("eve");
        String id = post(author, null, "Un post que Carol ouvre");
        // only the author's items: other tests' organisation-wide posts come and go on the same shared feed
        String mine = "items.findAll { it.post.author.login == '" + author + "' }.post.id";
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(as(reader).queryParam("limit", 50).get("/api/feed/home")
                .then().statusCode(200).extract().<List<Object>>path(mine)).containsExactly(id));

        as(reader).body(Map.of("object", id)).post("/api/views").then().statusCode(204);
        awaitView(id, reader);
        // a comment on the same thread comes after the View on its partition: once the author is told of the comment,
        // every consumer has handled the View
        as(commenter).body(Map.of("content", "Un commentaire")).post("/api/posts/{id}/comments", local(id)).then().statusCode(201);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(as(author).get("/api/notifications").then().statusCode(200)
                .extract().<List<String>>path("items.kind")).isNotEmpty());

        List<String> kinds = as(author).get("/api/notifications").then().extract().path("items.kind");
        assertThat(kinds).as("the comment only, nothing about the open").hasSize(1).doesNotContain("view");
        assertThat(as(reader).get("/api/notifications").then().statusCode(200).extract().<List<Object>>path("items")).isEmpty();
        List<Object> readersFeedAfter = as(reader).queryParam("limit", 50).get("/api/feed/home").then().statusCode(200).extract().path(mine);
        assertThat(readersFeedAfter).as("the opened post once, nothing added").containsExactly(id);
    }

    @Test
    void anErasedPersonsOpensAreForgotten() {
        String author = person("alice");
        String reader = person("leaver");
        String id = post(author, null, "Lu avant de partir");
        as(reader).body(Map.of("object", id)).post("/api/views").then().statusCode(204);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(views.contains(id, Iri.person(reader), today)).isTrue();

        erasures.fire(new PersonErased(Iri.person(reader), Iri.person("admin")));

        assertThat(views.contains(id, Iri.person(reader), today)).isFalse();
    }

    @Test
    void opensNeedAToken() {
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("object", Iri.post("x")))
                .post("/api/views").then().statusCode(401);
    }
}
