package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Topics;
import io.relais.kit.messaging.CloudEventPublisher;
import io.relais.kit.outbox.OutboxRecord;
import io.relais.testing.KafkaBroker;
import io.relais.testing.RelaisTestResources;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static io.relais.connector.ConnectorFixtures.asHr;
import static io.relais.connector.ConnectorFixtures.hire;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.testing.KafkaProbe.recordsNow;
import static io.relais.connector.ConnectorFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Kafka stopped → 503 with Retry-After and nothing half-done; Kafka back → the same event succeeds, once.
 * The shared broker serves other tests, so "stopped" is a real producer aimed at an address where no
 * broker listens, and "restarted" a real producer aimed at the broker again.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class KafkaUnavailableTest {

    /** Real CloudEvent publishers; {@code down} decides which broker address the records go to. */
    static final class SwitchableBroker extends CloudEventPublisher {
        final CloudEventPublisher stopped;
        final CloudEventPublisher running;
        volatile boolean down = true;

        SwitchableBroker() throws Exception {
            stopped = publisherTo("127.0.0.1:" + closedPort());
            running = publisherTo(KafkaBroker.shared().bootstrapServers());
        }

        @Override
        public CompletableFuture<RecordMetadata> publish(OutboxRecord r) {
            return (down ? stopped : running).publish(r);
        }

        void close() throws Exception {
            for (CloudEventPublisher p : new CloudEventPublisher[]{stopped, running}) {
                Method close = CloudEventPublisher.class.getDeclaredMethod("close");
                close.setAccessible(true);
                close.invoke(p);
            }
        }

        private static CloudEventPublisher publisherTo(String bootstrap) throws Exception {
            CloudEventPublisher p = new CloudEventPublisher();
            set(p, "bootstrapServers", bootstrap);
            set(p, "maxBlockMs", 1500);
            return p;
        }

        private static void set(Object target, String field, Object value) throws Exception {
            Field f = CloudEventPublisher.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        }

        private static int closedPort() throws Exception {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort(); // free now, nobody listens once closed
            }
        }
    }

    SwitchableBroker broker;

    @BeforeEach
    void stopKafka() throws Exception {
        broker = new SwitchableBroker();
        QuarkusMock.installMockForType(broker, CloudEventPublisher.class);
    }

    @AfterEach
    void closeProducers() throws Exception {
        broker.close();
    }

    /** The log records of one category, as the operators' log shipper would see them (a JUL handler on the logger). */
    static final class LogLines extends Handler implements AutoCloseable {
        final List<LogRecord> records = new CopyOnWriteArrayList<>();
        final java.util.logging.Logger logger;

        LogLines(String category) {
            logger = java.util.logging.Logger.getLogger(category);
            logger.addHandler(this);
        }

        List<String> at(Level level) {
            return records.stream().filter(r -> r.getLevel().intValue() == level.intValue()).map(LogRecord::getMessage).toList();
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    /**
     * Operators learn of an outage from the log, once: one WARN with the reason when the connector starts answering
     * 503, one INFO when Kafka acknowledges again, and nothing per request in between (a connector retrying every
     * second must not flood the log). Before, the 503s left no log line at all, only the metric.
     */
    @Test
    void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItEnds() {
        broker.down = false; // whatever an earlier test left: Kafka is up
        asHr().body(hire(unique("wd"), unique("up").toLowerCase())).post("/api/connectors/hr/events").then().statusCode(202);
        try (LogLines log = new LogLines("io.relais.connector.delivery.KafkaDelivery")) {
            broker.down = true;
            for (int i = 0; i < 3; i++) {
                asHr().body(hire(unique("wd"), unique("down").toLowerCase())).post("/api/connectors/hr/events").then().statusCode(503);
            }
            asHr().body("[" + hire(unique("wd"), unique("down").toLowerCase()) + "]").post("/api/connectors/hr/events/batch")
                    .then().statusCode(503);
            assertThat(log.at(Level.WARNING)).singleElement().asString()
                    .contains("answering 503").contains("Kafka did not");
            assertThat(log.at(Level.INFO)).isEmpty();

            broker.down = false;
            for (int i = 0; i < 2; i++) {
                asHr().body(hire(unique("wd"), unique("back").toLowerCase())).post("/api/connectors/hr/events").then().statusCode(202);
            }
            assertThat(log.at(Level.INFO)).singleElement().asString().contains("Kafka acknowledges again");
            assertThat(log.at(Level.WARNING)).hasSize(1);
        }
    }

    @Test
    void whileKafkaIsDownTheAnswerIs503AndTheSameEventSucceedsOnceItIsBack() {
        String eventId = unique("wd");
        String event = hire(eventId, unique("karim").toLowerCase());
        asHr().body(event).post("/api/connectors/hr/events").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", equalTo("5"));
        asHr().get("/api/connectors/receipts/hr:" + eventId).then().statusCode(200).body("status", equalTo("failed"));

        broker.down = false;
        asHr().body(event).post("/api/connectors/hr/events").then().statusCode(202)
                .body("status", equalTo("published")).body("attempts", equalTo(2)).body("activityId", notNullValue());
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(eventId))).hasSize(1);
    }

    /**
     * An event whose publication failed may be on Kafka after all (an acknowledgement lost in a timeout): its receipt
     * keeps the activity and object ids its resend publishes again. Another system of the source sending the same id
     * publishes its own event under its own receipt and ids, never its content under those ids.
     */
    @Test
    void anotherSystemNeverTakesOverAFailedReceipt() {
        String payroll = unique("payroll-connector");
        ConnectorFixtures.asAdmin().body("""
                {"sources":["hr"],"defaultAudience":"organisation","system":"sap","systemName":"SAP HCM"}""")
                .put("/api/connectors/registrations/" + payroll).then().statusCode(201);
        String eventId = unique("wd");
        String event = hire(eventId, unique("nora").toLowerCase());
        asHr().body(event).post("/api/connectors/hr/events").then().statusCode(503);
        String objectId = asHr().get("/api/connectors/receipts/hr:" + eventId).then().statusCode(200)
                .body("status", equalTo("failed")).extract().path("objectId");

        broker.down = false;
        ConnectorFixtures.asClient(payroll).body(hire(eventId, unique("otto").toLowerCase()))
                .post("/api/connectors/hr/events").then().statusCode(202).body("clientId", equalTo(payroll))
                .body("objectId", org.hamcrest.Matchers.not(equalTo(objectId)));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(objectId))).isEmpty();
        asHr().body(event).post("/api/connectors/hr/events").then().statusCode(202)
                .body("status", equalTo("published")).body("objectId", equalTo(objectId));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(objectId))).hasSize(1);
    }

    @Test
    void aBatchDuringAnOutageIs503AndItsResendPublishesEveryEventOnce() {
        String a = unique("wd"), b = unique("wd");
        String batch = "[" + hire(a, unique("lea").toLowerCase()) + "," + hire(b, unique("marc").toLowerCase()) + "]";
        asHr().body(batch).post("/api/connectors/hr/events/batch").then().statusCode(503).header("Retry-After", equalTo("5"));
        broker.down = false;
        asHr().body(batch).post("/api/connectors/hr/events/batch").then().statusCode(200).body("published", equalTo(2));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(a))).hasSize(1);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(b))).hasSize(1);
    }
}
