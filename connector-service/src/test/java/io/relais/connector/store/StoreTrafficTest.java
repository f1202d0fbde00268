package io.relais.connector.store;

import io.relais.connector.ConnectorFixtures;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.deal;
import static io.relais.connector.ConnectorFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What one ingested event costs the store, counted with the driver's {@link StoreCommands} listener (issue 18: the
 * store's CPU is proportional to its keyed operations). A batch claims its receipts in one insert and marks them
 * published with one publication per pass; nothing rewrites a receipt that was just written.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class StoreTrafficTest {

    /** The people and communities the fixtures' events name exist, as a card may only name what exists. */
    @BeforeEach
    void theWorldTheEventsName() {
        ConnectorFixtures.knownWorld();
    }


    static final String DB = "relais-connector";
    static final int EVENTS = 100;

    @Test
    void aBatchClaimsItsReceiptsInOneInsertAndMarksThemPublishedInAnother() {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < EVENTS; i++) batch.append(i == 0 ? "" : ",").append(deal("opportunity.won", unique("sf"), "ventes"));
        StoreCommands.reset();
        asClient("crm-connector").body(batch.append("]").toString()).post("/api/connectors/crm/events/batch")
                .then().statusCode(200).body("published", equalTo(EVENTS));
        Map<String, Long> commands = ofThisService(StoreCommands.commands());
        report("batch of " + EVENTS, commands, ofThisService(StoreCommands.documents()));

        assertThat(commands).containsEntry("insert " + DB + ".receipts", 1L)
                .containsEntry("insert " + DB + ".receipt_publications", 1L)
                .containsEntry("update " + DB + ".source_stats", 1L)
                .doesNotContainKey("update " + DB + ".receipts")
                .doesNotContainKey("findAndModify " + DB + ".receipts");
    }

    @Test
    void aSingleEventIsClaimedAndMarkedOnItsOwn() {
        StoreCommands.reset();
        asClient("crm-connector").body(deal("opportunity.won", unique("sf"), "ventes")).post("/api/connectors/crm/events")
                .then().statusCode(202).body("status", equalTo("published"));
        Map<String, Long> commands = ofThisService(StoreCommands.commands());
        report("single event", commands, ofThisService(StoreCommands.documents()));

        assertThat(commands).containsEntry("insert " + DB + ".receipts", 1L)
                .containsEntry("findAndModify " + DB + ".receipts", 1L)
                .doesNotContainKey("insert " + DB + ".receipt_publications");
    }

    /** The ingest path's collections only: this service's background consumers and relay are not part of it. */
    private static Map<String, Long> ofThisService(Map<String, Long> counted) {
        Map<String, Long> out = new TreeMap<>();
        counted.forEach((k, v) -> {
            if (k.contains(" " + DB + ".") && !k.contains(".outbox")) out.put(k, v);
        });
        return out;
    }

    /** Printed for the record (docs and reports quote it): command, collection, commands, documents carried. */
    private static void report(String what, Map<String, Long> commands, Map<String, Long> documents) {
        StringJoiner table = new StringJoiner("\n", "store traffic of " + what + ":\n", "");
        commands.forEach((k, v) -> table.add(String.format("  %-55s %5d command(s) %6d document(s)", k, v,
                documents.getOrDefault(k, 0L))));
        System.out.println(table);
    }
}
