package io.relais.feed.activity;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.CloudEventAttributes;
import io.relais.events.Iri;
import io.relais.events.PersonErasure;
import io.relais.events.Topics;
import io.relais.feed.feedview.FeedFixtures;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.Response;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code GET /api/activities/{id}} shows nobody what the thread view refuses them: a hidden, deleted or erased
 * person's post is 404 there as on {@code GET /api/posts/{id}}, an edited post's old text is never served (the
 * object comes by reference), and an erasure leaves nothing of the person in the log.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ActivityFollowsTheThreadTest {

    /** The consumer group that keeps the activity log (with the notifications: ActivityConsumers). */
    static final String LOG_GROUP = "feed-service-notifications";

    static final Duration WAIT = Duration.ofSeconds(40);

    /** Bob's post in a public community mentioning alice, as in the tester's report. */
    record Scene(String alice, String bob, String carol, String slug, String post) {
        static Scene of(String text) {
            String alice = person("alice");
            String bob = person("bob");
            String slug = community(bob, "public");
            addMember(slug, bob, alice);
            return new Scene(alice, bob, person("carol"), slug, io.relais.feed.community.Fixtures.post(bob, slug, text + " @" + alice));
        }
    }

    /** The id of the first activity of that type about that object, as published on the log. */
    static String activityId(String type, String objectIri) {
        return ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, FeedFixtures.activity(type, objectIri), 1, WAIT)
                .get(0).value()).id();
    }

    /** Waits until the log keeps the activity (its reader sees it), then answers what {@code login} gets. */
    static Response activityAs(String login, String activityIri) {
        return as(login).get("/api/activities/{id}", Iri.localId(activityIri));
    }

    /** Carol, an admin, takes a moderation decision ({@code hide}, {@code restore}) about the scene's post. */
    static void decide(Scene s, String action, String reason) {
        as(s.carol(), "employee", "admin").body(Map.of("object", s.post(), "action", action, "reason", reason))
                .post("/api/moderation/actions").then().statusCode(200);
    }

    static void awaitKept(String reader, String activityIri) {
        await().atMost(WAIT).untilAsserted(() -> activityAs(reader, activityIri).then().statusCode(200));
    }

    @Test
    void anActivityNeverCarriesItsObjectsTextOnlyItsReference() {
        Scene s = Scene.of("Texte du fil zorgamel");
        String create = activityId(As2.CREATE, s.post());
        awaitKept(s.alice(), create);

        Response r = activityAs(s.alice(), create);
        r.then().statusCode(200).body("type", equalTo("Create")).body("object.id", equalTo(s.post()))
                .body("object.type", equalTo("Note")).body("object.content", nullValue());
        assertThat(r.asString()).doesNotContain("zorgamel");
    }

    @Test
    void aHiddenPostsActivityIsNotFoundForOthersAsThePostIs() {
        Scene s = Scene.of("Démarchage caché");
        String create = activityId(As2.CREATE, s.post());
        awaitKept(s.alice(), create);

        decide(s, "hide", "Démarchage");

        as(s.alice()).get("/api/posts/{id}", local(s.post())).then().statusCode(404);
        activityAs(s.alice(), create).then().statusCode(404).contentType("application/problem+json");
        // its author still sees it, as they see their hidden post marked hidden
        as(s.bob()).get("/api/posts/{id}", local(s.post())).then().statusCode(200);
        activityAs(s.bob(), create).then().statusCode(200);
    }

    @Test
    void aModeratorsDecisionsNameTheCommunityNeverTheModerator() {
        Scene s = Scene.of("Hors sujet, puis rétabli");
        String create = activityId(As2.CREATE, s.post());
        awaitKept(s.alice(), create);

        decide(s, "hide", "Hors sujet");
        String hide = activityId(As2.UPDATE, s.post());
        awaitKept(s.bob(), hide); // the author reads it (his post is hidden from everyone else)
        decide(s, "restore", "Erreur");
        String restore = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES,
                FeedFixtures.activity(As2.UPDATE, s.post()), 2, WAIT).get(1).value()).id();
        awaitKept(s.alice(), restore); // restored: every member reads it

        for (Response r : List.of(activityAs(s.bob(), hide), activityAs(s.alice(), restore), activityAs(s.bob(), restore))) {
            r.then().statusCode(200).body("type", equalTo("Update")).body("actor", equalTo(Iri.community(s.slug())));
            assertThat(r.asString()).doesNotContain(Iri.person(s.carol())).doesNotContain("Hors sujet").doesNotContain("Erreur");
        }
        // what is not a decision keeps its actor
        activityAs(s.alice(), create).then().statusCode(200).body("actor", equalTo(Iri.person(s.bob())));
    }

    @Test
    void anEditedPostsCreateNoLongerShowsTheOriginalText() {
        Scene s = Scene.of("Version originale plixmor");
        String create = activityId(As2.CREATE, s.post());
        awaitKept(s.alice(), create);

        as(s.bob()).body(Map.of("content", "Version corrigée")).put("/api/posts/{id}", local(s.post())).then().statusCode(200);
        String update = activityId(As2.UPDATE, s.post());
        awaitKept(s.alice(), update);

        for (String activity : List.of(create, update)) {
            Response r = activityAs(s.alice(), activity);
            r.then().statusCode(200).body("object.id", equalTo(s.post()));
            assertThat(r.asString()).doesNotContain("plixmor").doesNotContain("Version corrigée");
        }
        as(s.alice()).get("/api/posts/{id}", local(s.post())).then().statusCode(200)
                .body("post.content", org.hamcrest.Matchers.containsString("Version corrigée"));
    }

    @Test
    void aDeletedPostsActivitiesAreNotFound() {
        Scene s = Scene.of("Bientôt supprimé");
        String create = activityId(As2.CREATE, s.post());
        awaitKept(s.alice(), create);

        as(s.bob()).delete("/api/posts/{id}", local(s.post())).then().statusCode(204);
        String delete = activityId(As2.DELETE, s.post());
        FeedFixtures.awaitConsumed(LOG_GROUP, FeedFixtures.activity(As2.DELETE, s.post()));

        as(s.alice()).get("/api/posts/{id}", local(s.post())).then().statusCode(404);
        for (String activity : List.of(create, delete)) {
            activityAs(s.alice(), activity).then().statusCode(404).contentType("application/problem+json");
            activityAs(s.bob(), activity).then().statusCode(404);
        }
    }

    @Test
    void afterAnErasureNoActivityOfThePersonIsServedNorKept() {
        String alice = person("alice");
        String gone = person("gone");
        String theirPost = post(gone, null, "Mot unique vorplax de @" + alice);
        String alicePost = post(alice, null, "Une question");
        as(gone).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(alicePost)).then().statusCode(200);
        String create = activityId(As2.CREATE, theirPost);
        String like = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Like\"")
                && r.value().contains(alicePost) && r.value().contains(Iri.person(gone)), 1, WAIT).get(0).value()).id();
        awaitKept(alice, create);
        awaitKept(alice, like);

        Activity erasure = PersonErasure.delete(Iri.person(gone), Iri.person("carol"));
        KafkaProbe.publish(Topics.PROFILES, Iri.person(gone), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(erasure),
                PersonErasure.CE_TYPE, CloudEventAttributes.PROFILE_SOURCE, Iri.person(gone)), ActivityJson.writeString(erasure));

        await().atMost(WAIT).untilAsserted(() -> as(alice).get("/api/posts/{id}", local(theirPost)).then().statusCode(404));
        // the erasure's own Undo of their Like names them: once the log consumed it, it must not have been kept
        FeedFixtures.awaitConsumed(LOG_GROUP, r -> r.value() != null && r.value().contains("\"Undo\"")
                && r.value().contains("\"actor\":\"" + Iri.person(gone) + "\""));
        activityAs(alice, create).then().statusCode(404);
        activityAs(alice, like).then().statusCode(404);
        as(alice).get("/api/posts/{id}", local(alicePost)).then().statusCode(200);
        List<String> naming = new ArrayList<>();
        for (Document d : store().getCollection("activities").find()) {
            if (d.getString("json").contains("\"" + Iri.person(gone) + "\"")) naming.add(d.getString("_id"));
        }
        assertThat(naming).as("logged activities naming the erased person").isEmpty();
    }
}
