package io.relais.feed.governance;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.CloudEventAttributes;
import io.relais.events.Iri;
import io.relais.events.PersonErasure;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static io.relais.feed.community.Fixtures.addMember;
import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static io.relais.feed.community.Fixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The Delete of a person from profile-service removes what they wrote and did from every feed-service API; the same
 * Delete from anyone else is dead-lettered with the rule.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class PersonErasureTest {

    static final Duration WAIT = Duration.ofSeconds(40);

    static void publishDelete(String login, String source) {
        Activity delete = PersonErasure.delete(Iri.person(login), Iri.person("carol"));
        KafkaProbe.publish(Topics.PROFILES, Iri.person(login), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(delete),
                PersonErasure.CE_TYPE, source, Iri.person(login)), ActivityJson.writeString(delete));
    }

    @Test
    void afterErasureNothingTheyWroteOrDidIsLeftInFeedsThreadsCommunitiesOrNotifications() {
        String gone = person("gone");
        String colleague = person("colleague");
        String slug = community(colleague, "public");
        addMember(slug, colleague, gone);
        String theirPost = post(gone, slug, "Mon mot unique zorglub pour @" + colleague);
        as(colleague).body(Map.of("content", "Réponse de collègue")).post("/api/posts/{id}/comments", local(theirPost)).then().statusCode(201);
        String colleaguePost = post(colleague, null, "Une question ouverte");
        as(gone).body(Map.of("content", "Mon commentaire zorglub")).post("/api/posts/{id}/comments", local(colleaguePost))
                .then().statusCode(201);
        as(gone).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(colleaguePost)).then().statusCode(200);
        as(gone).put("/api/follows/person/{login}", colleague).then().statusCode(204);
        await().atMost(WAIT).untilAsserted(() -> as(colleague).get("/api/notifications").then().statusCode(200)
                .body("items.actor.login", hasItem(gone)));

        publishDelete(gone, CloudEventAttributes.PROFILE_SOURCE);

        await().atMost(WAIT).untilAsserted(() -> as(colleague).get("/api/posts/{id}", local(theirPost)).then().statusCode(404));
        as(colleague).get("/api/posts/{id}", local(colleaguePost)).then().statusCode(200)
                .body("comments.size()", equalTo(0)).body("post.reactions.like", org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.nullValue(), equalTo(0)));
        as(colleague).get("/api/posts/{id}/reactions", local(colleaguePost)).then().statusCode(200)
                .body("people.person.login", not(hasItem(gone)));
        as(colleague).get("/api/communities/{slug}/members", slug).then().statusCode(200)
                .body("members.person.login", not(hasItem(gone)));
        as(colleague).get("/api/follows/person/{login}/followers", colleague).then().statusCode(200).body("count", equalTo(0));
        await().atMost(WAIT).untilAsserted(() -> as(colleague).get("/api/notifications").then().statusCode(200)
                .body("items.actor.login", not(hasItem(gone))));
        await().atMost(WAIT).untilAsserted(() -> as(colleague).get("/api/feed/communities/{slug}", slug).then().statusCode(200)
                .body("items.post.id", not(hasItem(theirPost))));
        as(gone).get("/api/notifications").then().statusCode(200).body("items.size()", equalTo(0));
        as(colleague).get("/api/feed/people/{login}", gone).then().statusCode(200).body("items.size()", equalTo(0));
    }

    /**
     * What community managers see of a case: an erased reporter's words and name leave it, while their report still
     * counts and a colleague's comment on the same post stays.
     */
    @Test
    void anErasedReportersCommentAndNameLeaveTheModerationQueue() {
        String gone = person("gone");
        String colleague = person("colleague");
        String author = person("author");
        String manager = person("manager");
        String slug = community(author, "public");
        addMember(slug, author, gone);
        addMember(slug, author, colleague);
        String reported = post(author, slug, "Un post signalé deux fois");
        String theirWords = "Signalé par " + gone + " : propos zorglub";
        as(gone).body(Map.of("object", reported, "reason", "harassment", "comment", theirWords)).post("/api/reports").then().statusCode(201);
        as(colleague).body(Map.of("object", reported, "reason", "spam", "comment", "Aussi du démarchage")).post("/api/reports")
                .then().statusCode(201);
        String item = "items.find { it.object == '" + reported + "' }";
        as(manager, "employee", "community-manager").get("/api/moderation/queue?community={slug}", slug).then().statusCode(200)
                .body(item + ".comments", hasItem(theirWords));

        publishDelete(gone, CloudEventAttributes.PROFILE_SOURCE);

        await().atMost(WAIT).untilAsserted(() -> as(manager, "employee", "community-manager")
                .get("/api/moderation/queue?community={slug}", slug).then().statusCode(200)
                .body(item + ".comments", equalTo(List.of("Aussi du démarchage"))));
        String queue = as(manager, "employee", "community-manager").get("/api/moderation/queue?community={slug}", slug).then()
                .statusCode(200).body(item + ".reports", equalTo(2)).body(item + ".reasons.harassment", equalTo(1))
                .extract().asString();
        assertThat(queue).doesNotContain(gone).doesNotContain("zorglub");
        // nor does the store keep their report under their name or with their words
        var stored = store().getCollection("moderation_reports");
        assertThat(stored.countDocuments(regex("_id", "^" + Pattern.quote(Iri.person(gone)))))
                .isZero();
        assertThat(stored.countDocuments(eq("reporter", Iri.person(gone)))).isZero();
        assertThat(stored.countDocuments(eq("comment", theirWords))).isZero();
        assertThat(stored.countDocuments(eq("object", reported))).isEqualTo(2);
    }

    @Test
    void theirPostsAndCommentsAreDeletedOnTheLogAndTheErasureIsAudited() {
        String gone = person("gone");
        String theirPost = post(gone, null, "Texte à effacer");

        publishDelete(gone, CloudEventAttributes.PROFILE_SOURCE);

        List<ConsumerRecord<String, String>> deletes = KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value() != null
                && r.value().contains("\"Delete\"") && r.value().contains(theirPost), 1, WAIT);
        assertThat(KafkaProbe.header(deletes.get(0), "ce_source")).isEqualTo(CloudEventAttributes.FEED_SOURCE);
        await().atMost(WAIT).untilAsserted(() -> as("root", "admin").get("/api/moderation/audit").then().statusCode(200)
                .body("entries.findAll { it.action == 'erasure' }.object", hasItem(Iri.person(gone))));
    }

    @Test
    void aDeleteOfAPersonFromAnotherProducerIsDeadLetteredAndChangesNothing() {
        String kept = person("kept");
        String theirPost = post(kept, null, "Je reste");

        publishDelete(kept, "/connectors/hr/workday");

        ConsumerRecord<String, String> dead = KafkaProbe.awaitRecords(Topics.PROFILES_DLQ,
                r -> Iri.person(kept).equals(r.key()), 1, WAIT).get(0);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason")).contains("may not assert").contains("erasures of people");
        as(kept).get("/api/posts/{id}", local(theirPost)).then().statusCode(200);
    }

    @Test
    void theFilesTheErasedPersonUploadedAreDeletedAndTheirUrlsAnswer404() {
        String gone = person("gone");
        String colleague = person("colleague");
        String attached = io.relais.feed.attachment.AttachmentTest.upload(gone, "schema.png", "image/png",
                io.relais.feed.attachment.AttachmentTest.PNG).statusCode(201).extract().path("id");
        String neverPosted = io.relais.feed.attachment.AttachmentTest.upload(gone, "brouillon.pdf", "application/pdf",
                io.relais.feed.attachment.AttachmentTest.PDF).statusCode(201).extract().path("id");
        as(gone).body(Map.of("content", "Le schéma", "attachments", List.of(attached))).post("/api/posts").then().statusCode(201);
        io.restassured.RestAssured.given().auth().oauth2(io.relais.testing.TestTokens.employee(colleague))
                .get("/api/attachments/{id}", attached).then().statusCode(200);

        publishDelete(gone, CloudEventAttributes.PROFILE_SOURCE);

        // the post's tombstone already hides the attached file; the files themselves go a little later in the same
        // erasure, so both answers are awaited together
        await().atMost(WAIT).untilAsserted(() -> {
            io.restassured.RestAssured.given().auth()
                    .oauth2(io.relais.testing.TestTokens.employee(colleague)).get("/api/attachments/{id}", attached).then().statusCode(404);
            io.restassured.RestAssured.given().auth().oauth2(io.relais.testing.TestTokens.employee(gone))
                    .get("/api/attachments/{id}", neverPosted).then().statusCode(404);
        });
        for (String id : List.of(attached, neverPosted)) {
            assertThat(store().getCollection("attachments.files")
                    .countDocuments(new org.bson.Document("_id", id))).isZero();
            assertThat(store().getCollection("attachments.chunks")
                    .countDocuments(new org.bson.Document("files_id", id))).isZero();
        }
    }

    @Test
    void mentionsOfTheErasedPersonInOthersWordsBecomePlainTextWithoutLink() {
        String gone = person("gone");
        String colleague = person("colleague");
        String slug = community(colleague, "public");
        addMember(slug, colleague, gone);
        String theirThread = post(colleague, slug, "Merci @" + gone + " pour le compte rendu");
        String comment = as(colleague).body(Map.of("content", "Et bravo à @" + gone + " et @" + colleague))
                .post("/api/posts/{id}/comments", local(theirThread)).then().statusCode(201).extract().path("id");

        publishDelete(gone, CloudEventAttributes.PROFILE_SOURCE);

        await().atMost(WAIT).untilAsserted(() -> as(colleague).get("/api/posts/{id}", local(theirThread)).then().statusCode(200)
                .body("post.content", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Merci former employee pour"),
                        not(org.hamcrest.Matchers.containsString(gone))))
                .body("post.mentions", not(hasItem(Iri.person(gone)))));
        as(colleague).get("/api/posts/{id}", local(theirThread)).then()
                .body("post.source", equalTo("Merci former employee pour le compte rendu"))
                .body("comments.find { it.id == '" + comment + "' }.content", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("former employee"), not(org.hamcrest.Matchers.containsString(gone))));
        // announced, so search and every projection follow
        Activity update = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Update\"")
                && r.value().contains(theirThread) && r.value().contains("former employee"), 1, WAIT).get(0).value());
        assertThat(update.object().mentions()).doesNotContain(Iri.person(gone));
        assertThat(update.object().content()).doesNotContain(gone);
    }
}
