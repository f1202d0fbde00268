package io.relais.e2e.security;

import io.relais.e2e.FailedExchangeLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * feed-service → profile-service on the running stack: "who knows X", read by every employee, counts only the posts
 * everyone may still read. A tester found it counting posts their author deleted, a community manager removed or
 * hid, and posts edited to drop the skill's hashtag (profile-service read only Creates); the module test publishes
 * feed-service's records itself, so this one makes them with feed-service's own API and reads the ranking back.
 */
class ExpertiseFollowsTheFeedTest {

    static final String MANAGER = "bob";

    static String writer;
    static String skill;

    @BeforeAll
    static void aWriterWithASkill() {
        FailedExchangeLog.enable();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        writer = "expa" + suffix;
        skill = "zigurat" + suffix;
        Stack.ensureEmployeeAccount(writer, "Expa", "Writer" + suffix);
        Stack.as(writer).contentType("application/json").body(Map.of("skills", List.of(skill)))
                .patch(Stack.PROFILE + "/api/people/me").then().statusCode(200);
    }

    @Test
    void deletedRemovedHiddenAndRetaggedPostsStopCountingAndARestoredOneCountsAgain() {
        String deleted = post("Premier essai #" + skill);
        String removed = post("Deuxième essai #" + skill);
        String hidden = post("Troisième essai #" + skill);
        String retagged = post("Quatrième essai #" + skill);
        post("Cinquième essai #" + skill);
        awaitTopicalActivity(5);

        Stack.as(writer).delete(Stack.FEED + "/api/posts/{id}", localId(deleted)).then().statusCode(204);
        moderate(removed, "remove");
        moderate(hidden, "hide");
        Stack.as(writer).contentType("application/json").body(Map.of("content", "Quatrième essai, sans étiquette"))
                .put(Stack.FEED + "/api/posts/{id}", localId(retagged)).then().statusCode(200);
        awaitTopicalActivity(1);

        moderate(hidden, "restore");
        awaitTopicalActivity(2);
    }

    private static String post(String text) {
        return Stack.as(writer).contentType("application/json").body(Map.of("content", text))
                .post(Stack.FEED + "/api/posts").then().statusCode(201).extract().path("id");
    }

    private static void moderate(String object, String action) {
        Stack.as(MANAGER).contentType("application/json").body(Map.of("object", object, "action", action, "reason", "e2e"))
                .post(Stack.FEED + "/api/moderation/actions").then().statusCode(200);
    }

    private static void awaitTopicalActivity(int count) {
        await().atMost(Stack.PROJECTION_WAIT).untilAsserted(() -> Stack.as("alice").queryParam("skill", skill)
                .get(Stack.PROFILE + "/api/expertise").then().statusCode(200)
                .body("[0].login", equalTo(writer)).body("[0].topicalActivity", equalTo(count)));
    }

    private static String localId(String iri) {
        return iri.substring(iri.lastIndexOf(':') + 1);
    }
}
