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

import static io.relais.feed.community.Fixtures.addMember;
import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
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
}
