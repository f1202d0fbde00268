package io.relais.search;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restart of search-service while people were being announced (issue 16, finding F15): the profile snapshots
 * already waiting on {@code relais.profiles} when the service (re)starts reach the index, none is dead-lettered.
 * The Kafka channels start before the application's start-up observers; the index must be open for the first
 * record they deliver. This test's profile restarts the application after the snapshots were published.
 */
@QuarkusTest
@TestProfile(RecordsWaitingAtStartTest.SnapshotsWaiting.class)
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class RecordsWaitingAtStartTest {

    static final String SUFFIX_PROPERTY = "relais.test.waiting-people";
    static final int PEOPLE = 25;

    @Test
    void everyPersonAnnouncedBeforeTheStartIsFoundAndNoneIsDeadLettered() {
        String u = System.getProperty(SUFFIX_PROPERTY);
        List<String> expected = IntStream.range(0, PEOPLE).mapToObj(i -> Iri.person("waiting" + i + "-" + u)).toList();
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(Api.get("/api/search/people", "bob",
                Map.of("q", "veilleur" + u, "limit", "50")).then().statusCode(200).extract().jsonPath()
                .<String>getList("people.id")).containsExactlyInAnyOrderElementsOf(expected));
        assertThat(KafkaProbe.recordsNow(Topics.PROFILES_DLQ, r -> r.key() != null && r.key().endsWith("-" + u))).isEmpty();
    }

    /** A restart of the application with person snapshots published before it. */
    public static class SnapshotsWaiting implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PublishBeforeStart.class));
        }
    }

    /** Publishes the snapshots before the application starts, as profile-service does while search is down. */
    public static class PublishBeforeStart implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String u = Events.unique();
            System.setProperty(SUFFIX_PROPERTY, u);
            for (int i = 0; i < PEOPLE; i++) {
                Events.profile("waiting" + i + "-" + u, "Veilleur " + i, "Veilleur" + u, "Nuit", List.of(), "");
            }
            return Map.of();
        }

        @Override
        public void stop() {
            // the records stay on the shared broker, like every test's
        }
    }
}
