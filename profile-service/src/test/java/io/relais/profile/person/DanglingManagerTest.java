package io.relais.profile.person;

import com.mongodb.client.MongoClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.relais.profile.Fixtures.WAIT;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.hr;
import static io.relais.profile.Fixtures.snapshots;
import static io.relais.profile.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A profile stored before managers had to exist, naming one who does not, stops showing them at the next start. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class DanglingManagerTest {

    @Inject
    PersonService people;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    final String reader = employee("alice");

    @Test
    void aManagerNobodyKnowsStoredBeforeTheRuleIsHiddenAtTheNextStartAndLinkedOnceHired() {
        String ugo = unique("ugo");
        String ghost = unique("ghost");
        // what an HR event or an administrator could store before a manager had to exist
        mongo.getDatabase(database).getCollection("people").insertOne(new Document("_id", ugo)
                .append("displayName", "Ugo").append("title", "Welder").append("status", "active").append("managerLogin", ghost)
                .append("skills", List.of()).append("languages", List.of())
                .append("fieldTimes", new Document(Map.of(ProfileField.MANAGER.json(), 1L)))
                .append("version", 1L).append("publishedVersion", 1L));

        people.recoverAtStartup(null); // as at a restart

        as(reader).get("/api/people/{login}", ugo).then().statusCode(200).body("manager", nullValue());
        as(reader).get("/api/people/{login}/manager-chain", ugo).then().statusCode(200).body("$", empty());
        snapshots(ugo, 1, r -> r.value() != null && r.value().contains("\"summary\":\"Welder\"") && !r.value().contains("managerLogin"));

        hr("employee.hired", ghost).with("title", "Workshop lead").publish();

        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", ugo)
                .then().statusCode(200).body("manager", equalTo(ghost)));
        as(reader).get("/api/people/{login}/reports", ghost).then().statusCode(200).body("login", contains(ugo));
    }

    @Test
    void aLinkLeftAwaitingByACrashWhileItsManagerExistsIsAppliedAtTheNextStart() {
        String vic = unique("vic");
        String wes = unique("wes");
        people.findOrCreateMinimal(wes, "Wes", null);
        // the state a crash between the profile write and the pending_managers entry leaves behind, the manager created meanwhile
        mongo.getDatabase(database).getCollection("people").insertOne(new Document("_id", vic)
                .append("displayName", "Vic").append("title", "Fitter").append("status", "active").append("pendingManager", wes)
                .append("skills", List.of()).append("languages", List.of())
                .append("fieldTimes", new Document(Map.of(ProfileField.MANAGER.json(), 1L)))
                .append("version", 1L).append("publishedVersion", 1L));

        people.recoverAtStartup(null); // as at a restart

        as(reader).get("/api/people/{login}", vic).then().statusCode(200).body("manager", equalTo(wes));
        as(reader).get("/api/people/{login}/reports", wes).then().statusCode(200).body("login", contains(vic));
    }
}
