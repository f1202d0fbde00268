package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.EventId;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What operators rely on: the lag metric, dead letters with a reason, health. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class OperationsTest {

    @Test
    void indexLagAndDocumentCountAreExportedToPrometheus() {
        String word = "metrique" + unique();
        publish(Events.orgPost("alice", "<p>" + word + "</p>"));
        await().atMost(Events.WAIT).until(() -> Api.ids("bob", Map.of("q", word)).size() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/q/metrics").then().statusCode(200)
                        .body(containsString("relais_search_index_lag_seconds_count"))
                        .body(containsString("relais_search_index_docs")));
    }

    @Test
    void aRecordThatIsNotAnActivityGoesToTheDeadLetterTopicWithItsReason() {
        String key = "poison-" + EventId.next();
        KafkaProbe.publish(Topics.ACTIVITIES, key,
                KafkaProbe.cloudEventHeaders(key, "relais.activity.create", "/test", key), "{\"type\":\"Create\"}");
        var dead = KafkaProbe.awaitRecords(Topics.ACTIVITIES_DLQ, r -> key.equals(r.key()), 1, Events.WAIT);
        assertThat(KafkaProbe.header(dead.get(0), "dead-letter-reason")).contains("actor");
        // and the consumer keeps going
        String word = "apres" + unique();
        publish(Events.orgPost("alice", "<p>" + word + "</p>"));
        await().atMost(Events.WAIT).until(() -> Api.ids("bob", Map.of("q", word)).size() == 1);
    }

    @Test
    void healthIsPublicAndReadyOnceTheIndexCaughtUpWithTheLog() {
        await().atMost(Events.WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'search index caught up with the log' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'search index caught up with the log' }.data.replica",
                        org.hamcrest.Matchers.notNullValue()));
    }
}
