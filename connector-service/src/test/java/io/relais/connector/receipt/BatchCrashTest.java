package io.relais.connector.receipt;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.connector.ConnectorConfig;
import io.relais.events.Topics;
import io.relais.testing.RelaisTestResources;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static io.relais.connector.ConnectorFixtures.asHr;
import static io.relais.connector.ConnectorFixtures.hire;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.connector.ConnectorFixtures.unique;
import static io.relais.testing.KafkaProbe.recordsNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A batch's receipts are claimed in one insert and marked published in another (one publication per pass).
 * This is the crash between the two: Kafka acknowledged every record, the process died before the publication
 * was written. Nothing is lost and nothing is answered twice as new: a resend is "in flight" while the receipts may
 * still be finished by their request, and once abandoned the resend publishes the very same activities again
 * (same ids, which every consumer applies once).
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class BatchCrashTest {

    /** The real store, except that the process "dies" where the pass's publication would be written. */
    @Vetoed
    static final class DiesBeforeThePublication extends ReceiptStore {
        volatile boolean dies = true;

        @Override
        public List<Receipt> markAllPublished(String pass, List<Publication> publications) {
            if (dies) throw new IllegalStateException("the process died before the publication was written");
            return super.markAllPublished(pass, publications);
        }
    }

    @Inject
    MongoClient mongo;

    @Inject
    ConnectorConfig config;

    DiesBeforeThePublication store;

    @BeforeEach
    void crashingStore() {
        store = new DiesBeforeThePublication();
        store.mongo = mongo;
        store.database = "relais-connector";
        store.config = config;
        QuarkusMock.installMockForType(store, ReceiptStore.class);
    }

    @Test
    void aBatchAcknowledgedButNeverMarkedIsPublishedAgainAsTheSameActivitiesOnceAbandoned() {
        String a = unique("wd"), b = unique("wd");
        String batch = "[" + hire(a, unique("lina").toLowerCase()) + "," + hire(b, unique("omar").toLowerCase()) + "]";
        asHr().body(batch).post("/api/connectors/hr/events/batch").then().statusCode(500);
        String firstActivityOfA = activityId(single(a));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(b))).hasSize(1);

        store.dies = false;
        // while the claiming request could still finish, a resend neither publishes nor answers "new"
        asHr().body(batch).post("/api/connectors/hr/events/batch").then().statusCode(503);
        asHr().get("/api/connectors/receipts/hr:" + a).then().statusCode(200).body("status", equalTo("accepted"));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(a))).hasSize(1);

        abandon(a, b);
        asHr().body(batch).post("/api/connectors/hr/events/batch").then().statusCode(200)
                .body("published", equalTo(2)).body("results[0].status", equalTo("published"));
        List<ConsumerRecord<String, String>> recordsOfA = recordsNow(Topics.ACTIVITIES, mentioning(a));
        assertThat(recordsOfA).hasSize(2);
        assertThat(recordsOfA).allSatisfy(r -> assertThat(activityId(r)).isEqualTo(firstActivityOfA));
        asHr().get("/api/connectors/receipts/hr:" + a).then().statusCode(200)
                .body("status", equalTo("published")).body("activityId", equalTo(firstActivityOfA));
        // and the batch after that is an ordinary duplicate
        asHr().body(batch).post("/api/connectors/hr/events/batch").then().statusCode(200)
                .body("duplicates", equalTo(2)).body("published", equalTo(0));
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(b))).hasSize(2);
    }

    /** Ages the receipts past the abandonment time (3 × connector.publish-timeout) instead of waiting for it. */
    private void abandon(String... eventIds) {
        Date longAgo = Date.from(Instant.now().minus(config.publishTimeout().multipliedBy(4)));
        for (String id : eventIds) {
            mongo.getDatabase("relais-connector").getCollection(ReceiptStore.COLLECTION)
                    .updateOne(Filters.eq("_id", "hr:" + id), Updates.set("updated", longAgo));
        }
    }

    private static ConsumerRecord<String, String> single(String eventId) {
        List<ConsumerRecord<String, String>> records = recordsNow(Topics.ACTIVITIES, mentioning(eventId));
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static String activityId(ConsumerRecord<String, String> r) {
        return Document.parse(r.value()).getString("id");
    }
}
