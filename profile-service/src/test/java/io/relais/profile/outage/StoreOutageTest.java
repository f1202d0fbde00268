package io.relais.profile.outage;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.Topics;
import io.relais.testing.EmbeddedStore;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.hr;
import static io.relais.profile.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The store stops and starts again (issue 16, findings F13 and F14): meanwhile a write answers 503 problem+json with
 * Retry-After, not 500; an HR hire accepted during the outage is applied once the store is back, and never reaches the
 * dead-letter topic.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class StoreOutageTest {

    /** The first record of a test JVM waits for the consumer group's first join, slow on a busy machine. */
    static final Duration FIRST_DELIVERY = Duration.ofSeconds(120);

    @Test
    void aWriteIsRefused503AndAHireIsAppliedAfterTheOutageWithoutADeadLetter() {
        String ines = unique("ines");
        hr("employee.hired", ines).with("displayName", "Inès").with("title", "Buyer").publish();
        await().atMost(FIRST_DELIVERY).untilAsserted(() -> as(employee("alice")).get("/api/people/{login}", ines)
                .then().statusCode(200).body("title", equalTo("Buyer")));

        String omar = unique("omar");
        Activity hire;
        EmbeddedStore.shared().stop();
        try {
            as(employee(ines)).body("{\"bio\":\"back soon\"}").patch("/api/people/me").then()
                    .statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("status", equalTo(503)).body("detail", containsString("try again"));

            hire = hr("employee.hired", omar).with("displayName", "Omar").with("title", "Welder").publish().activity();
            // the consumer waits for the store: for several seconds of outage, nothing is dead-lettered
            await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(3))
                    .until(() -> deadLetters(hire) == 0);
        } finally {
            EmbeddedStore.shared().start();
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> as(employee("alice")).get("/api/people/{login}", omar)
                .then().statusCode(200).body("title", equalTo("Welder")));
        as(employee(ines)).body("{\"bio\":\"back\"}").patch("/api/people/me").then().statusCode(200);
        assertThat(deadLetters(hire)).isZero();
    }

    private static int deadLetters(Activity a) {
        return KafkaProbe.recordsNow(Topics.ACTIVITIES_DLQ, r -> r.value() != null && r.value().contains(a.id())).size();
    }
}
