package io.relais.profile.operations;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.kit.outbox.OutboxLease;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.snapshots;
import static io.relais.profile.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator scrapes from this service's {@code /q/metrics} about its outbox: the backlog, the age of the oldest
 * record, and whether this replica holds the relay lease. The relay is paused the way it is in production when
 * another replica relays: a lease held by someone else.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class OutboxMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @AfterEach
    void giveTheLeaseBack() {
        leases().deleteOne(Filters.and(Filters.eq("_id", OutboxLease.LEASE_ID), Filters.eq("holder", "another-replica")));
    }

    @Test
    void whileAnotherReplicaHoldsTheLeaseEditsWaitInTheOutboxAndTheMetersShowIt() {
        await().atMost(WAIT).until(() -> gauge("relais_outbox_lease_held") == 1 && gauge("relais_outbox_pending") == 0);

        leases().replaceOne(Filters.eq("_id", OutboxLease.LEASE_ID), new Document("_id", OutboxLease.LEASE_ID)
                .append("holder", "another-replica").append("expiresAt", Date.from(Instant.now().plus(Duration.ofHours(1)))),
                new ReplaceOptions().upsert(true));
        await().atMost(WAIT).until(() -> gauge("relais_outbox_lease_held") == 0);

        String[] people = {unique("una"), unique("ugo"), unique("uma")};
        for (String login : people) {
            as(employee(login)).body("{\"bio\":\"Waiting in the outbox.\"}").patch("/api/people/me").then().statusCode(200);
        }

        // a first login's minimal profile and its edit: two snapshots per person, none published
        assertThat(gauge("relais_outbox_pending")).isGreaterThanOrEqualTo(2 * people.length);
        await().atMost(WAIT).until(() -> gauge("relais_outbox_oldest_age_seconds") >= 2);
        assertThat(gauge("relais_outbox_lease_held")).isZero();

        giveTheLeaseBack();
        await().atMost(WAIT).until(() -> gauge("relais_outbox_lease_held") == 1 && gauge("relais_outbox_pending") == 0);
        assertThat(gauge("relais_outbox_oldest_age_seconds")).isLessThan(2);
        for (String login : people) {
            snapshots(login, 1, r -> r.value() != null && r.value().contains("Waiting in the outbox."));
        }
    }

    private MongoCollection<Document> leases() {
        return mongo.getDatabase(database).getCollection(OutboxLease.COLLECTION);
    }

    /** The value of an untagged gauge as Prometheus scrapes it. */
    private static double gauge(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(m.find()).as(name + " in /q/metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
