package io.relais.feed.operations;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.person;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/**
 * What operations see of feed-service: the trace of a request carried by the event it publishes through the
 * outbox, the meters Prometheus scrapes, and the readiness check that watches the outbox relay.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ObservabilityTest {

    @Test
    void anActivityPublishedThroughTheOutboxContinuesTheTraceOfTheRequestThatMadeIt() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        String content = "traced " + traceId;

        as(person("tracy")).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("content", content)).post("/api/posts").then().statusCode(201);

        List<ConsumerRecord<String, String>> published = KafkaProbe.awaitRecords(Topics.ACTIVITIES,
                r -> r.value() != null && r.value().contains(content), 1, Duration.ofSeconds(30));
        String traceparent = KafkaProbe.header(published.get(0), "traceparent");
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(traceparent).doesNotContain(callerSpan); // the relay's own producer span, a descendant
    }

    @Test
    void prometheusSeesTheOutboxTheLiveStreamsAndTheConsumersLag() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).contains("relais_outbox_pending", "relais_outbox_oldest_age_seconds", "relais_live_connections",
                "kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void prometheusSeesTheFanOutsEntriesAndTheTimeItWasBusyWritingThem() {
        String before = given().get("/q/metrics").then().statusCode(200).extract().asString();

        as(person("fanny")).body(Map.of("content", "counted by the fan-out")).post("/api/posts").then().statusCode(201);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String after = given().get("/q/metrics").then().statusCode(200).extract().asString();
            // the author's and the organisation's source timelines at least
            assertThat(sample(after, "relais_feed_timeline_entries_written_total"))
                    .isGreaterThanOrEqualTo(sample(before, "relais_feed_timeline_entries_written_total") + 2);
            assertThat(sample(after, "relais_feed_fanout_busy_seconds_count"))
                    .isGreaterThan(sample(before, "relais_feed_fanout_busy_seconds_count"));
            assertThat(sample(after, "relais_feed_fanout_busy_seconds_sum"))
                    .isGreaterThan(sample(before, "relais_feed_fanout_busy_seconds_sum"));
        });
    }

    /** The sum of a sample's values over its series (whatever their labels), 0 when not exposed yet. */
    private static double sample(String exposition, String name) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    @Test
    void readinessWatchesTheOutboxRelay() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("outbox relay"));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never the all-zero (invalid) id
        return b;
    }
}
