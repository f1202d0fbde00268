package io.relais.e2e.security;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reach of an announcement on the real stack (issue 15): bob, community manager, announces; five people open it
 * (alice twice, a reload); bob's organisation insights then say it reached 5 of its audience (the directory), and
 * neither the JSON nor the CSV says who. The announcement is published by bob because announcing is the
 * community-manager role's (carol is an administrator).
 */
class ReachOfAnAnnouncementTest {

    static final List<String> OPENERS = List.of("alice", "carol", "dave", "emma", "farid");

    @Test
    void fiveOpenersOfAnAnnouncementAreItsReachAndNoAnswerSaysWhoTheyAre() {
        Stack.ensureEmployeeAccount("dave", "Dave", "Nguyen");
        Stack.ensureEmployeeAccount("emma", "Emma", "Rossi");
        Stack.ensureEmployeeAccount("farid", "Farid", "Haddad");
        String u = UUID.randomUUID().toString().substring(0, 8);
        Response created = Stack.as("bob").contentType(ContentType.JSON)
                .body(Map.of("content", "<p>Portée de l'annonce " + u + "</p>")).post(Stack.FEED + "/api/announcements");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String announcement = created.path("id");

        for (String login : OPENERS) {
            Stack.as(login).contentType(ContentType.JSON).body(Map.of("object", announcement)).post(Stack.FEED + "/api/views")
                    .then().statusCode(204);
        }
        Stack.as("alice").contentType(ContentType.JSON).body(Map.of("object", announcement)).post(Stack.FEED + "/api/views")
                .then().statusCode(204);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        await().atMost(Stack.PROJECTION_WAIT).untilAsserted(() -> assertThat(organisation("bob", today, "application/json")
                .jsonPath().getList("topReach.findAll { it.id == '" + announcement + "' }.openers")).isEqualTo(List.of(5)));

        Response insights = organisation("bob", today, "application/json");
        Map<String, Object> item = insights.jsonPath().getMap("topReach.find { it.id == '" + announcement + "' }");
        int audience = (Integer) item.get("audience");
        assertThat(audience).as("the directory: at least the five openers").isGreaterThanOrEqualTo(5);
        assertThat(item).containsEntry("kind", "announcement");
        assertThat(((Number) item.get("reach")).doubleValue())
                .isCloseTo(Math.round(5 * 1000.0 / audience) / 10.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(item).as("an item's reach names nobody").containsOnlyKeys("id", "kind", "title", "published", "audience",
                "openers", "reach");
        assertThat(insights.jsonPath().getMap("definitions")).containsKeys("announcementReach", "readers", "topReach");

        String csv = organisation("bob", today, "text/csv").then().statusCode(200).extract().asString();
        assertThat(csv.lines().findFirst().orElse("")).contains("readers", "announcement_reach_pct", "card_reach_pct");
        for (String login : OPENERS) assertThat(csv).doesNotContain(login);

        organisation("alice", today, "application/json").then().statusCode(403);
    }

    private static Response organisation(String login, String day, String accept) {
        return Stack.as(login).accept(accept).queryParam("from", day).queryParam("to", day).queryParam("bucket", "day")
                .get(Stack.SEARCH + "/api/analytics/organisation");
    }
}
