package io.relais.connector;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.connector.community.CommunityDirectory;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.relais.connector.ConnectorFixtures.asAdmin;
import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.deal;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.connector.ConnectorFixtures.unique;
import static io.relais.testing.KafkaProbe.recordsNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * An archived community takes no new cards, as it takes no new posts: feed-service announces the archive as an
 * {@code Update} of the group with {@code archived: true}, and a card for it takes the path of a community that may
 * not be addressed (receipt {@code dead-lettered}, dry run 422, batch item, each naming {@code data.team}) until a
 * later {@code Update} opens it again. A secret community the system may not address is refused with the words of
 * one that does not exist, archived or not.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ArchivedCommunityTest {

    @BeforeEach
    void theWorldTheEventsName() {
        ConnectorFixtures.knownWorld();
    }

    /** feed-service's archive (or reopening) of a community, awaited until this service's directory learnt it. */
    private static void archive(String slug, String visibility, boolean archived) {
        ConnectorFixtures.archived(slug, visibility, archived);
        CommunityDirectory directory = Arc.container().instance(CommunityDirectory.class).get();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.valueOf(archived).equals(directory.describe(Iri.community(slug)).get("archived")));
    }

    /** What a dry run of this deal answers, awaited: the directory learns feed-service's word asynchronously. */
    private static void awaitDryRun(String slug, int status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asClient("crm-connector")
                .body(deal("opportunity.won", unique("sf"), slug)).post("/api/connectors/crm/events/dry-run")
                .then().statusCode(status));
    }

    @Test
    void aDealForAnArchivedCommunityIsNotPublishedUntilTheCommunityIsOpenAgain() {
        String slug = ConnectorFixtures.community(unique("grands-comptes").toLowerCase(), "public");
        ConnectorFixtures.archived(slug, "public", true);
        awaitDryRun(slug, 422);
        String eventId = unique("sf");
        String reason = "data.team: community '" + slug + "' is archived: archived communities take no new cards";
        asClient("crm-connector").body(deal("opportunity.won", eventId, slug)).post("/api/connectors/crm/events/dry-run")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString(reason));
        asClient("crm-connector").body(deal("opportunity.won", eventId, slug)).post("/api/connectors/crm/events")
                .then().statusCode(202).body("status", equalTo("dead-lettered")).body("reason", containsString(reason));
        String inBatch = unique("sf");
        asClient("crm-connector").body("[" + deal("opportunity.won", inBatch, slug) + "]")
                .post("/api/connectors/crm/events/batch").then().statusCode(200)
                .body("results[0].outcome", equalTo("dead-lettered"))
                .body("results[0].detail", containsString(reason)).body("published", equalTo(0));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).isEmpty();
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(inBatch))).isEmpty();

        // reopened (feed-service's next Update says archived: false): new cards go there again, and the dead letter
        // is published by its replay
        ConnectorFixtures.archived(slug, "public", false);
        awaitDryRun(slug, 200);
        String later = unique("sf");
        asClient("crm-connector").body(deal("opportunity.won", later, slug)).post("/api/connectors/crm/events")
                .then().statusCode(202).body("status", equalTo("published"));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(later))).hasSize(1);
        asAdmin().post("/api/connectors/dead-letters/crm:" + eventId + "/replay").then().statusCode(200)
                .body("status", equalTo("published"));
    }

    @Test
    void anArchivedSecretCommunityTheSystemMayNotAddressReadsAsOneThatDoesNotExist() {
        String secret = ConnectorFixtures.community(unique("fusion").toLowerCase(), "secret");
        archive(secret, "secret", true);
        String nobody = unique("fusion").toLowerCase();
        String toSecret = unique("sf"), toNobody = unique("sf");
        String secretReason = asClient("crm-connector").body(deal("opportunity.won", toSecret, secret))
                .post("/api/connectors/crm/events").then().statusCode(202).body("status", equalTo("dead-lettered"))
                .extract().path("reason");
        String nobodyReason = asClient("crm-connector").body(deal("opportunity.won", toNobody, nobody))
                .post("/api/connectors/crm/events").then().statusCode(202).body("status", equalTo("dead-lettered"))
                .extract().path("reason");
        assertThat(secretReason).doesNotContain("archived").startsWith("data.team: no community '" + secret + "'");
        assertThat(secretReason.replace(secret, "x")).isEqualTo(nobodyReason.replace(nobody, "x"));
    }
}
