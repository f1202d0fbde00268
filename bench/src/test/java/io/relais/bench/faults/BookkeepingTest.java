package io.relais.bench.faults;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaign's counting, without a stack: what is lost, what is doubled, what is only sent. */
class BookkeepingTest {

    @Test
    void anItemMissingOrSeenTwiceIsCountedOnceAgainstItsLedgerItem() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("urn:relais:post:a", "urn:relais:post:a");
        expected.put("urn:relais:post:b", "urn:relais:post:b");
        expected.put("urn:relais:event:c", "hire-c"); // a hire's welcome card …
        expected.put("urn:relais:person:c", "hire-c"); // … and its person stand for one item

        Projections.Check check = Projections.compare("search", expected,
                Map.of("urn:relais:post:a", 1, "urn:relais:post:b", 2, "urn:relais:person:c", 1, "urn:relais:post:ghost", 1));

        assertThat(check.found()).isEqualTo(2);
        assertThat(check.lost()).isEqualTo(1);
        assertThat(check.duplicates()).isEqualTo(1);
        assertThat(check.lostItems()).containsExactly("hire-c");
        assertThat(check.duplicatedItems()).containsExactly("urn:relais:post:b");
        assertThat(check.clean()).isFalse();
    }

    @Test
    void onlyAcceptedItemsAreExpectedAndAPersonReactsToAPostOnce() {
        Ledger ledger = new Ledger("p01");
        ledger.sent("post");
        ledger.sent("post");
        ledger.post(new Ledger.Post("urn:relais:post:a", 0, "c", "m"));
        ledger.refused("post", "no answer");

        assertThat(ledger.sentTotal()).isEqualTo(2);
        assertThat(ledger.acceptedTotal()).isEqualTo(1);
        assertThat(ledger.posts()).containsOnlyKeys("urn:relais:post:a");
        assertThat(ledger.refusals()).isEqualTo("post no answer: 1");
        assertThat(ledger.reactionSent("urn:relais:post:a", "u1")).isTrue();
        assertThat(ledger.reactionSent("urn:relais:post:a", "u1")).isFalse();
        assertThat(ledger.reactionsSentTo("urn:relais:post:a")).isEqualTo(1);
        assertThat(ledger.reactionsAccepted()).isEqualTo(Map.of());
        ledger.reaction("urn:relais:post:a", "u1");
        assertThat(ledger.reactionsAccepted()).isEqualTo(Map.of("urn:relais:post:a", Set.of("u1")));
    }

    @Test
    void theShortCampaignIsAKillOfTheOutboxServiceAndABrokerRestart() {
        assertThat(Fault.SHORT).containsExactly("kill-feed", "kafka");
        assertThat(Fault.named("kafka").kind()).isEqualTo("stop");
        assertThat(Fault.ALL).hasSize(9);
    }

    @Test
    void aFailedPhaseIsReportedInOneTableCell() {
        String launcherAnswer = "./relais start search failed (1): started  search (pid 2090)\n"
                + "15:04:43 INFO health down: {\"status\":\"DOWN\"}\n\n"
                + "error: search not healthy after 180s | see its log";

        String cell = FaultCampaign.cell(launcherAnswer);

        assertThat(cell).doesNotContain("\n").doesNotContain("15:04:43");
        assertThat(cell).startsWith("./relais start search failed (1)").endsWith("after 180s \\| see its log");
    }
}
