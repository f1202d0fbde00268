package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whoever runs the service can tell from its log which calls are refused and why (service-kit's {@code RefusalLog}):
 * one line each, with the method, the path, the status, the problem and the fields it names, never the query's words.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class RefusalLogTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("io.relais.kit.error.RefusalLog").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("io.relais.kit.error.RefusalLog").removeHandler(capture);
    }

    @Test
    void aRefusedSearchIsOneLineNamingTheFieldButNotTheWords() {
        Api.get("/api/search", "alice", Map.of("q", "confidential-merger", "limit", 500)).then().statusCode(400);

        await().untilAsserted(() -> assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("refused GET /api/search: 400 validation \\(limit\\) in \\d+ ms")));
        assertThat(lines).noneMatch(line -> line.contains("confidential-merger"));
    }

    @Test
    void aRequestWithoutATokenIsLoggedAsRefused() {
        given().get("/api/search/suggest?q=ann").then().statusCode(401);

        await().untilAsserted(() -> assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("refused GET /api/search/suggest: 401.* in \\d+ ms")));
    }

    @Test
    void anAnsweredSearchIsNotLogged() {
        Api.get("/api/search", "alice", Map.of("q", "answered-search-marker")).then().statusCode(200);
        Api.get("/api/search", "alice", Map.of("limit", 501)).then().statusCode(400);

        // the refusal after it is logged, so the answered one would have been by then
        await().untilAsserted(() -> assertThat(lines).anyMatch(line -> line.startsWith("refused GET /api/search: 400")));
        assertThat(lines).noneMatch(line -> line.contains(": 200"));
    }
}
