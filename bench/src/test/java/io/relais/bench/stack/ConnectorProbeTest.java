package io.relais.bench.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.relais.bench.company.SyntheticCompany;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bench's first connector batch follows the batch endpoint's contract (connector-service {@code IngestResource}):
 * a 503 is sent again, the same body, after its Retry-After, and the events published the first time come back as
 * duplicates. Keycloak and connector-service are played by one local HTTP server answering as they do.
 */
class ConnectorProbeTest {

    private HttpServer server;
    private final List<String> batchBodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailableLeft = new AtomicInteger();
    private Connector connector;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/relais/protocol/openid-connect/token",
                x -> answer(x, 200, Map.of(), "{\"access_token\":\"t\",\"expires_in\":300}"));
        server.createContext("/api/connectors/crm/events/batch", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            batchBodies.add(body);
            int size = body.split("\"eventId\"").length - 1;
            if (unavailableLeft.getAndDecrement() > 0) {
                answer(x, 503, Map.of("Retry-After", "1"), "{\"status\":503,\"detail\":\"Kafka is unavailable: "
                        + (size - 1) + " of " + size + " events were published\"}");
            } else if (batchBodies.size() > 1) {
                answer(x, 200, Map.of(), "{\"published\":1,\"duplicates\":" + (size - 1) + "}");
            } else {
                answer(x, 200, Map.of(), "{\"published\":" + size + ",\"duplicates\":0}");
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        StackClient stack = new StackClient(Map.of("KEYCLOAK_URL", base, "RELAIS_CONNECTOR_URL", base));
        connector = new Connector(stack, SyntheticCompany.generate(20, 42), "r1", "secret");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aFirstBatchAnswered503IsSentAgainUnchangedAndItsDuplicatesCountAsDelivered() throws Exception {
        unavailableLeft.set(1);

        long delivered = connector.probeBatch(1, 5);

        assertThat(delivered).isEqualTo(5);
        assertThat(connector.probeRetries).isEqualTo(1);
        assertThat(batchBodies).hasSize(2);
        assertThat(batchBodies.get(1)).isEqualTo(batchBodies.get(0)); // same events, same occurredAt: duplicates, not conflicts
    }

    @Test
    void aBatchStillUnavailableAfterThreeResendsFails() {
        unavailableLeft.set(10);

        assertThatThrownBy(() -> connector.probeBatch(1, 5)).hasMessageContaining("batch answered 503");
        assertThat(batchBodies).hasSize(4);
    }

    @Test
    void aMeasuredBatchIsNeverResent() {
        unavailableLeft.set(1);

        assertThatThrownBy(() -> connector.sendBatch(1, 5)).hasMessageContaining("batch answered 503");
        assertThat(batchBodies).hasSize(1);
    }

    private static void answer(HttpExchange x, int status, Map<String, String> headers, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach((k, v) -> x.getResponseHeaders().add(k, v));
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
