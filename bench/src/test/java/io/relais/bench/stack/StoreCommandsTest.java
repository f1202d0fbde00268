package io.relais.bench.stack;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoreCommandsTest {

    private static final String EXPOSITION = """
            # HELP mongodb_driver_commands_seconds Timer of mongodb commands
            # TYPE mongodb_driver_commands_seconds summary
            mongodb_driver_commands_seconds_count{cluster_id="c1",collection="timelines",command="update",server_address="localhost:27017",status="SUCCESS"} 120.0
            mongodb_driver_commands_seconds_sum{cluster_id="c1",collection="timelines",command="update",server_address="localhost:27017",status="SUCCESS"} 1.5
            mongodb_driver_commands_seconds_count{cluster_id="c1",collection="timelines",command="update",server_address="localhost:27017",status="FAILED"} 3.0
            mongodb_driver_commands_seconds_count{cluster_id="c1",collection="posts",command="find",server_address="localhost:27017",status="SUCCESS"} 7.0
            mongodb_driver_commands_seconds_count{cluster_id="c1",command="ping",server_address="localhost:27017",status="SUCCESS"} 2.0
            relais_feed_timeline_entries_written_total 42.0
            """;

    @Test
    void counts_commands_by_collection_and_command_over_statuses() {
        Map<String, Double> counts = StoreCommands.parse("feed", EXPOSITION);

        assertThat(counts).containsOnly(
                Map.entry("feed · timelines · update", 123.0),
                Map.entry("feed · posts · find", 7.0),
                Map.entry("feed · - · ping", 2.0));
    }

    @Test
    void the_difference_between_two_samples_lists_what_moved_largest_first() {
        Map<String, Double> before = Map.of("feed · timelines · update", 100.0, "feed · posts · find", 5.0, "search · a · find", 1.0);
        Map<String, Double> after = Map.of("feed · timelines · update", 130.0, "feed · posts · find", 45.0, "search · a · find", 1.0,
                "profile · people · update", 2.0);

        List<Map.Entry<String, Double>> moved = StoreCommands.between(before, after);

        assertThat(moved).containsExactly(Map.entry("feed · posts · find", 40.0), Map.entry("feed · timelines · update", 30.0),
                Map.entry("profile · people · update", 2.0));
    }
}
