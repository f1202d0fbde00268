package io.relais.testing;

import io.relais.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test broker still starts when the port it picked is taken before it binds it (another module's tests
 * running at the same time, {@code mvnw -T}).
 */
class KafkaBrokerStartTest {

    /** The broker's thousands of INFO lines per start would bury the result (held: the log manager keeps weak refs). */
    private static final List<Logger> QUIET = Stream.of("kafka", "org.apache.kafka", "state.change.logger")
            .map(Logger::getLogger).toList();

    static {
        QUIET.forEach(l -> l.setLevel(Level.WARNING));
    }

    @Test
    void aBrokerWhosePickedPortIsTakenStartsOnTheNextFreeOneWithRelaisTopics() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Deque<Integer> picks = new ArrayDeque<>();
            picks.add(taken.getLocalPort()); // first pick: a port somebody else holds
            KafkaBroker broker =
                    KafkaBroker.startOnFreePorts(() -> picks.isEmpty() ? KafkaBroker.freePort() : picks.poll());
            try {
                assertThat(broker.bootstrapServers()).isNotEqualTo("127.0.0.1:" + taken.getLocalPort());
                var config = Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
                try (Admin admin = Admin.create(config)) {
                    assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(Topics.ACTIVITIES);
                }
            } finally {
                broker.stop();
            }
        }
    }
}
