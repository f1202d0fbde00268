package io.relais.profile.orgchart;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.relais.profile.Fixtures.WAIT;
import static io.relais.profile.Fixtures.admin;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.hr;
import static io.relais.profile.Fixtures.hrSystem;
import static io.relais.profile.Fixtures.snapshots;
import static io.relais.profile.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The org chart names only people who exist. An administrator or the provisioning system naming a manager nobody
 * knows, the person themselves, or someone who reports to them, is refused before anything is stored (400 naming
 * the field and the rule). HR events on Kafka were accepted by connector-service, whose batches may carry a report's
 * hire before their manager's: such a link waits, unseen, until the manager's profile exists, then is applied.
 *
 * <p>The other side of this contract is connector-service's
 * {@code CardsNameOnlyWhatExistsTest.aHireWhoseManagerIsNotKnownYetIsStillPublished}: the connector publishes an HR
 * hire whose manager nobody knows yet (HR is where people come from); the events here are shaped like its
 * ({@code Fixtures.hr}).
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ManagerMustExistTest {

    static final String SCIM = "application/scim+json";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    final String reader = employee("alice");

    static RequestSpecification scim(String token) {
        return given().auth().oauth2(token).contentType(SCIM).accept(SCIM);
    }

    static String scimUser(String login, String manager) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"userName":"%s","displayName":"%s",
                 "title":"Clerk","%s":{"department":"Ops"%s}}""".formatted(ENTERPRISE, login, login, ENTERPRISE,
                manager == null ? "" : ",\"manager\":{\"value\":\"" + manager + "\"}");
    }

    static String scimManager(String manager) {
        return """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"replace","path":"%s:manager","value":{"value":"%s"}}]}""".formatted(ENTERPRISE, manager);
    }

    void awaitTitle(String login, String title) {
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", login)
                .then().statusCode(200).body("title", equalTo(title)));
    }

    // --- administrator (problem+json) ---

    @Test
    void anAdministratorNamingAManagerNobodyKnowsIsRefusedNamingTheFieldAndNothingIsStored() {
        String ana = unique("ana");
        String ghost = unique("ghost");
        as(admin()).body("{\"title\":\"Buyer\"}").patch("/api/people/{login}", ana).then().statusCode(404);
        as(employee(ana)).get("/api/people/me").then().statusCode(200);

        as(admin()).body("{\"title\":\"Senior buyer\",\"manager\":\"" + ghost + "\"}").patch("/api/people/{login}", ana)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("manager"))
                .body("errors[0].message", containsString("no person with the login " + ghost));

        as(reader).get("/api/people/{login}", ana).then().statusCode(200)
                .body("manager", nullValue()).body("title", nullValue());
        as(reader).get("/api/people/{login}/manager-chain", ana).then().statusCode(200).body("$", empty());
    }

    @Test
    void anAdministratorCannotMakeSomeoneTheirOwnManager() {
        String bea = unique("bea");
        as(employee(bea)).get("/api/people/me").then().statusCode(200);

        as(admin()).body("{\"manager\":\"" + bea + "\"}").patch("/api/people/{login}", bea)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("manager"))
                .body("errors[0].message", containsString("cannot be the person themselves"));
        as(reader).get("/api/people/{login}", bea).then().body("manager", nullValue());
    }

    // --- SCIM (SCIM error shape) ---

    @Test
    void aScimUserWhoseManagerDoesNotExistIsNotProvisioned() {
        String cid = unique("cid");
        String ghost = unique("ghost");

        scim(hrSystem()).body(scimUser(cid, ghost)).post("/scim/v2/Users").then().statusCode(400).contentType(SCIM)
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString(ENTERPRISE + ":manager no person with the login " + ghost));

        scim(hrSystem()).get("/scim/v2/Users/{id}", cid).then().statusCode(404);
        as(reader).get("/api/people/{login}", cid).then().statusCode(404);
    }

    @Test
    void aScimPatchNamingAManagerNobodyKnowsLeavesTheCurrentManager() {
        String boss = unique("boss");
        String dan = unique("dan");
        String ghost = unique("ghost");
        scim(hrSystem()).body(scimUser(boss, null)).post("/scim/v2/Users").then().statusCode(201);
        scim(hrSystem()).body(scimUser(dan, boss)).post("/scim/v2/Users").then().statusCode(201);

        scim(hrSystem()).body(scimManager(ghost)).patch("/scim/v2/Users/{id}", dan).then().statusCode(400)
                .body("scimType", equalTo("invalidValue")).body("detail", containsString(ENTERPRISE + ":manager"));

        scim(hrSystem()).get("/scim/v2/Users/{id}", dan).then().statusCode(200)
                .body("'" + ENTERPRISE + "'.manager.value", equalTo(boss));
        as(reader).get("/api/people/{login}/reports", boss).then().statusCode(200).body("login", contains(dan));
    }

    @Test
    void aScimUserCannotBeTheirOwnManagerAndTheErrorNamesTheEnterpriseAttribute() {
        String eve = unique("eve");
        scim(hrSystem()).body(scimUser(eve, eve)).post("/scim/v2/Users").then().statusCode(400).contentType(SCIM)
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString(ENTERPRISE + ":manager cannot be the person themselves"));
        scim(hrSystem()).get("/scim/v2/Users/{id}", eve).then().statusCode(404);
    }

    @Test
    void aScimCycleNamesTheEnterpriseManagerAttribute() {
        String top = unique("top");
        String low = unique("low");
        scim(hrSystem()).body(scimUser(top, null)).post("/scim/v2/Users").then().statusCode(201);
        scim(hrSystem()).body(scimUser(low, top)).post("/scim/v2/Users").then().statusCode(201);

        scim(hrSystem()).body(scimManager(low)).patch("/scim/v2/Users/{id}", top).then().statusCode(400)
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString(ENTERPRISE + ":manager would create a cycle"));
    }

    @Test
    void erasingAManagerThroughScimLeavesTheirReportsWithoutAManager() {
        String boss = unique("boss");
        String lou = unique("lou");
        scim(hrSystem()).body(scimUser(boss, null)).post("/scim/v2/Users").then().statusCode(201);
        scim(hrSystem()).body(scimUser(lou, boss)).post("/scim/v2/Users").then().statusCode(201);

        scim(hrSystem()).delete("/scim/v2/Users/{id}", boss).then().statusCode(204);

        as(reader).get("/api/people/{login}", lou).then().statusCode(200).body("manager", nullValue());
        as(reader).get("/api/people/{login}/manager-chain", lou).then().statusCode(200).body("$", empty());
        scim(hrSystem()).get("/scim/v2/Users/{id}", lou).then().statusCode(200).body("'" + ENTERPRISE + "'.manager", nullValue());
        snapshots(lou, 1, r -> r.value() != null && r.value().contains("\"title\":\"Clerk\"") && !r.value().contains("managerLogin"));
    }

    // --- HR events on Kafka ---

    @Test
    void aHireWhoseManagerIsHiredLaterShowsNoManagerUntilThenAndIsLinkedWhenTheManagerArrives() {
        String fay = unique("fay");
        String gus = unique("gus");
        hr("employee.hired", fay).with("displayName", "Fay").with("title", "Analyst").with("manager", gus).publish();
        awaitTitle(fay, "Analyst");

        as(reader).get("/api/people/{login}", fay).then().body("manager", nullValue());
        as(reader).get("/api/people/{login}/manager-chain", fay).then().statusCode(200).body("$", empty());
        assertThat(snapshots(fay, 1, r -> r.value() != null).get(0).value()).doesNotContain("managerLogin");

        hr("employee.hired", gus).with("displayName", "Gus").with("title", "Head of analytics").publish();

        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", fay)
                .then().statusCode(200).body("manager", equalTo(gus)));
        as(reader).get("/api/people/{login}/reports", gus).then().statusCode(200).body("login", contains(fay));
        as(reader).get("/api/people/{login}/manager-chain", fay).then().statusCode(200).body("login", contains(gus));
        snapshots(fay, 1, r -> r.value() != null && r.value().contains("\"managerLogin\":\"" + gus + "\""));
    }

    @Test
    void aNewerManagerReplacesOneStillAwaitedAndTheLateArrivalChangesNothing() {
        String hal = unique("hal");
        String ivy = unique("ivy");
        String jon = unique("jon");
        Instant now = Instant.now();
        hr("employee.hired", ivy).with("title", "Head of support").publish();
        hr("employee.hired", hal).with("title", "Agent").with("manager", jon).at(now.minus(1, ChronoUnit.DAYS)).publish();
        awaitTitle(ivy, "Head of support");
        awaitTitle(hal, "Agent");

        hr("employee.moved", hal).with("title", "Senior agent").with("manager", ivy).at(now).publish();
        awaitTitle(hal, "Senior agent");
        hr("employee.hired", jon).with("title", "Support lead").publish();
        awaitTitle(jon, "Support lead");

        as(reader).get("/api/people/{login}", hal).then().body("manager", equalTo(ivy));
        as(reader).get("/api/people/{login}/reports", jon).then().statusCode(200).body("$", empty());
        as(reader).get("/api/people/{login}/reports", ivy).then().statusCode(200).body("login", contains(hal));
    }

    @Test
    void anHrEventNamingThePersonAsTheirOwnManagerGoesToTheDeadLetterTopicWithTheRule() {
        String kai = unique("kai");
        var self = hr("employee.hired", kai).with("title", "Founder").with("manager", kai).publish();

        String subject = self.activity().object().id();
        KafkaProbe.awaitRecords(Topics.ACTIVITIES_DLQ, r -> subject.equals(KafkaProbe.header(r, "ce_subject"))
                && String.valueOf(KafkaProbe.header(r, "dead-letter-reason")).contains("data.manager cannot be the person themselves"),
                1, WAIT);
        as(reader).get("/api/people/{login}", kai).then().statusCode(404);
    }
}
