package io.relais.feed.activity;

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
import io.relais.events.Topics;
import io.relais.feed.community.Fixtures;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The backbone: an activity another service publishes on the real broker is consumed here and stored. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ActivityBackboneTest {

    static Activity note(String audience) {
        return Activity.builder().type(As2.CREATE).actor(Iri.person("carol"))
                .object(AsObject.builder().id(Iri.post(io.relais.events.EventId.next())).type(As2.NOTE)
                        .attributedTo(Iri.person("carol")).content("Bienvenue à l'équipe !").to(audience).build())
                .to(audience).build();
    }

    static void publish(Activity a) {
        KafkaProbe.publish(Topics.ACTIVITIES, RecordKey.of(a),
                KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(a), CloudEventAttributes.type(a),
                        CloudEventAttributes.FEED_SOURCE, CloudEventAttributes.subject(a)),
                ActivityJson.writeString(a));
    }

    @Test
    void anActivityPublishedOnKafkaIsStoredAndReadable() {
        Activity a = note(Audience.ORGANISATION);
        publish(a);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.employee("alice"))
                        .get("/api/activities/{id}", Iri.localId(a.id()))
                        .then().statusCode(200)
                        .body("object.id", equalTo(a.object().id())).body("object.content", nullValue()));
        assertThat(kept(a)).as("the record's JSON, kept as published").contains("Bienvenue à l'équipe !");
    }

    /** The JSON the log keeps for an activity (the API answers its object by reference only). */
    static String kept(Activity a) {
        return Fixtures.store().getCollection("activities").find(new Document("_id", a.id())).first().getString("json");
    }

    @Test
    void aReplayedActivityIdIsKeptAsFirstReceived() {
        Activity a = note(Audience.ORGANISATION);
        publish(a);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.employee("alice"))
                .get("/api/activities/{id}", Iri.localId(a.id())).then().statusCode(200));
        Activity sameId = Activity.builder().id(a.id()).type(As2.CREATE).actor(a.actor())
                .object(AsObject.builder().id(a.object().id()).type(As2.NOTE).attributedTo(a.actor())
                        .content("Autre texte sous le même identifiant").to(Audience.ORGANISATION).build())
                .to(Audience.ORGANISATION).build();
        Activity after = note(Audience.ORGANISATION);
        publish(sameId);
        // on the same partition, after the replay: once it is kept, the replay has been applied
        KafkaProbe.publish(Topics.ACTIVITIES, RecordKey.of(a),
                KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(after), CloudEventAttributes.type(after),
                        CloudEventAttributes.FEED_SOURCE, CloudEventAttributes.subject(after)),
                ActivityJson.writeString(after));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.employee("alice"))
                .get("/api/activities/{id}", Iri.localId(after.id())).then().statusCode(200));

        given().auth().oauth2(TestTokens.employee("alice")).get("/api/activities/{id}", Iri.localId(a.id()))
                .then().statusCode(200);
        assertThat(kept(a)).contains("Bienvenue à l'équipe !").doesNotContain("Autre texte");
    }

    @Test
    void anActivityAddressedToSomeoneElseIsNotFoundForOthers() {
        Activity a = note(Iri.person("bob"));
        publish(a);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.employee("bob"))
                        .get("/api/activities/{id}", Iri.localId(a.id())).then().statusCode(200));
        given().auth().oauth2(TestTokens.employee("alice"))
                .get("/api/activities/{id}", Iri.localId(a.id()))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anActivityInAPrivateCommunityIsReadableByItsMembersOnly() {
        String owner = Fixtures.person("owner");
        String member = Fixtures.person("member");
        String outsider = Fixtures.person("outsider");
        String slug = Fixtures.community(owner, "private");
        Fixtures.addMember(slug, owner, member);
        Activity a = note(Iri.community(slug));
        publish(a);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Fixtures.as(member).get("/api/activities/{id}", Iri.localId(a.id())).then().statusCode(200));
        Fixtures.as(owner).get("/api/activities/{id}", Iri.localId(a.id())).then().statusCode(200);
        Fixtures.as(outsider).get("/api/activities/{id}", Iri.localId(a.id()))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void withoutATokenTheAnswerIs401AndWithTheWrongRole403() {
        given().get("/api/activities/{id}", "x").then().statusCode(401);
        given().auth().oauth2(TestTokens.client("hr-connector", "connector"))
                .get("/api/activities/{id}", "x").then().statusCode(403);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReason() {
        String key = "poison-" + io.relais.events.EventId.next();
        KafkaProbe.publish(Topics.ACTIVITIES, key,
                KafkaProbe.cloudEventHeaders(key, "relais.activity.create", "/test", key), "{\"type\":\"Create\"}");
        KafkaProbe.awaitRecords(Topics.ACTIVITIES_DLQ, r -> key.equals(r.key())
                && KafkaProbe.header(r, "dead-letter-reason") != null
                && KafkaProbe.header(r, "dead-letter-reason").contains("actor"), 1, Duration.ofSeconds(30));
    }

    @Test
    void healthIsPublicAndUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
