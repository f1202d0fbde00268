package io.relais.e2e.security;

import io.relais.e2e.FailedExchangeLog;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * Erasure on request (issue 15) on the whole running stack: a demo person made for the test writes, comments, reacts,
 * follows and mentions a colleague; an administrator erases them; then nothing of them answers from any API — their
 * profile (404), people search by name, content search by a word only they wrote, their post and comment in threads,
 * feeds, the activities of their post and reaction, and the notifications of the colleague. Lives beside the leak probes, whose stack helpers it uses.
 */
class ErasureLeavesNoTraceTest {

    static final String COLLEAGUE = "alice";
    static final String ADMIN = "carol";
    static final Duration WAIT = Stack.PROJECTION_WAIT;

    static String gone;
    static String word;
    static String surname;

    @BeforeAll
    static void aPersonWhoWroteAndDidThings() {
        FailedExchangeLog.enable();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        gone = "effa" + suffix;
        word = "xylophonique" + suffix;
        surname = "Effacable" + suffix;
        Stack.ensureEmployeeAccount(gone, "Zephyr", surname);
        Stack.ensureEmployeeAccount(COLLEAGUE, "Alice", "Martin");
        Stack.as(gone).contentType("application/json").body(Map.of("bio", "Passionné de " + word))
                .patch(Stack.PROFILE + "/api/people/me").then().statusCode(200);
    }

    static JsonPath json(String login, String url) {
        return Stack.as(login).get(url).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void afterErasureNothingOfThePersonAnswersFromAnyApi() {
        String theirPost = Stack.as(gone).contentType("application/json")
                .body(Map.of("content", "Mon idée " + word + " pour @" + COLLEAGUE)).post(Stack.FEED + "/api/posts")
                .then().statusCode(201).extract().path("id");
        String colleaguePost = Stack.as(COLLEAGUE).contentType("application/json")
                .body(Map.of("content", "Question ouverte " + UUID.randomUUID())).post(Stack.FEED + "/api/posts")
                .then().statusCode(201).extract().path("id");
        String colleaguePostId = colleaguePost.substring(colleaguePost.lastIndexOf(':') + 1);
        Stack.as(gone).contentType("application/json").body(Map.of("content", "Réponse " + word))
                .post(Stack.FEED + "/api/posts/" + colleaguePostId + "/comments").then().statusCode(201);
        Stack.as(gone).contentType("application/json").body(Map.of("kind", "like"))
                .put(Stack.FEED + "/api/posts/" + colleaguePostId + "/reactions/mine").then().statusCode(200);
        Stack.as(gone).put(Stack.FEED + "/api/follows/person/" + COLLEAGUE).then().statusCode(204);
        String create = Activities.createOf(theirPost);
        String like = io.relais.events.Iri.localId(Activities.awaitRecord(io.relais.events.Topics.ACTIVITIES, null, rec ->
                "Like".equals(rec.json().path("type").asText()) && colleaguePost.equals(rec.json().path("object").path("id").asText())
                        && ("urn:relais:person:" + gone).equals(rec.json().path("actor").asText())).json().path("id").asText());
        // positive controls: every projection has them before the erasure
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Stack.as(COLLEAGUE).get(Stack.FEED + "/api/activities/" + create).then().statusCode(200);
            Stack.as(COLLEAGUE).get(Stack.FEED + "/api/activities/" + like).then().statusCode(200);
            assertThat(json(COLLEAGUE, Stack.SEARCH + "/api/search?q=" + word).getList("hits.id")).contains(theirPost);
            assertThat(json(COLLEAGUE, Stack.SEARCH + "/api/search/people?q=" + surname).getList("people.id"))
                    .contains("urn:relais:person:" + gone);
            assertThat(json(COLLEAGUE, Stack.FEED + "/api/notifications").getList("items.actor.login")).contains(gone);
        });

        String location = Stack.as(ADMIN).post(Stack.PROFILE + "/api/people/" + gone + "/erasure").then().statusCode(202)
                .extract().header("Location");
        assertThat(location).contains("/api/erasures/");

        Stack.as(COLLEAGUE).get(Stack.PROFILE + "/api/people/" + gone).then().statusCode(404);
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(json(COLLEAGUE, Stack.SEARCH + "/api/search/people?q=" + surname).getList("people")).isEmpty();
            assertThat(json(COLLEAGUE, Stack.SEARCH + "/api/search?q=" + word).getList("hits")).isEmpty();
            Stack.as(COLLEAGUE).get(Stack.FEED + "/api/posts/" + theirPost.substring(theirPost.lastIndexOf(':') + 1))
                    .then().statusCode(404);
            JsonPath thread = json(COLLEAGUE, Stack.FEED + "/api/posts/" + colleaguePostId);
            assertThat(thread.getList("comments.author.login")).doesNotContain(gone);
            assertThat(thread.getString("comments")).doesNotContain(word);
            assertThat(json(COLLEAGUE, Stack.FEED + "/api/posts/" + colleaguePostId + "/reactions").getList("people.person.login"))
                    .doesNotContain(gone);
            assertThat(json(COLLEAGUE, Stack.FEED + "/api/notifications").getList("items.actor.login")).doesNotContain(gone);
            assertThat(json(COLLEAGUE, Stack.FEED + "/api/feed/people/" + gone).getList("items")).isEmpty();
            // the activity log: their post's Create and their reaction's Like are gone, not only their text
            Stack.as(COLLEAGUE).get(Stack.FEED + "/api/activities/" + create).then().statusCode(404);
            Stack.as(COLLEAGUE).get(Stack.FEED + "/api/activities/" + like).then().statusCode(404);
            assertThat(json(COLLEAGUE, Stack.FEED + "/api/follows/person/" + COLLEAGUE + "/followers")
                    .getList("followers.login")).doesNotContain(gone);
        });
        Stack.as(COLLEAGUE).get(Stack.FEED + "/api/feed/home").then().statusCode(200).body(not(containsString(word)));
        List<String> suggestions = json(COLLEAGUE, Stack.SEARCH + "/api/search/suggest?q=" + surname + "&types=person")
                .getList("suggestions.id");
        assertThat(suggestions).isEmpty();
    }
}
