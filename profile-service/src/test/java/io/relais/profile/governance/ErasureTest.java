package io.relais.profile.governance;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.ActivityJson;
import io.relais.events.CloudEventAttributes;
import io.relais.events.Iri;
import io.relais.events.PersonErasure;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static io.relais.profile.Fixtures.admin;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.WAIT;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.hr;
import static io.relais.profile.Fixtures.snapshots;
import static io.relais.profile.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** An administrator erases a person: nothing of them stays in profile-service, and one Delete tells the others. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ErasureTest {

    @jakarta.inject.Inject
    io.relais.profile.photo.PhotoStore photos;

    @jakarta.inject.Inject
    EraseDuringWrite eraseDuringWrite;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Test
    void erasureRemovesTheProfilePhotoAndEndorsementsAndLeavesTheReportsWithoutManager() {
        String boss = unique("boss");
        String report = unique("report");
        as(employee(boss)).body("{\"skills\":[\"Kafka\"],\"bio\":\"Boss bio\"}").patch("/api/people/me").then().statusCode(200);
        given().auth().oauth2(employee(boss)).contentType("image/png").body(PNG).put("/api/people/me/photo").then().statusCode(200);
        as(employee(report)).body("{\"skills\":[\"Lucene\"]}").patch("/api/people/me").then().statusCode(200);
        as(admin()).body("{\"manager\":\"" + boss + "\"}").patch("/api/people/{login}", report).then().statusCode(200);
        as(employee(report)).put("/api/people/{login}/skills/kafka/endorsements/mine", boss).then().statusCode(200);
        as(employee(boss)).put("/api/people/{login}/skills/lucene/endorsements/mine", report).then().statusCode(200);
        as(employee(report)).get("/api/people/{login}", report).then().body("skills[0].endorsements", equalTo(1));

        String location = as(admin()).post("/api/people/{login}/erasure", boss.toUpperCase()).then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/erasures/")).extract().header("Location");

        as(admin()).get(location).then().statusCode(200).body("person", equalTo(Iri.person(boss)))
                .body("reportsUnlinked", equalTo(1)).body("endorsementsRemoved", equalTo(2)).body("state", equalTo("published"));
        as(employee(report)).get("/api/people/{login}", boss).then().statusCode(404);
        as(employee(report)).get("/api/people/{login}/photo", boss).then().statusCode(404);
        as(employee(report)).get("/api/people/{login}", report).then().statusCode(200)
                .body("manager", nullValue()).body("skills[0].endorsements", equalTo(0));
        as(employee(report)).get("/api/people/{login}/reports", boss).then().statusCode(404);
        as(employee(report)).get("/api/people/{login}/manager-chain", report).then().statusCode(200).body("$", empty());
        as(employee(report)).queryParam("skill", "kafka").get("/api/people").then().statusCode(200)
                .body("items.login", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(boss)));
    }

    @Test
    void erasurePublishesOneDeleteOfThePersonFromProfileService() {
        String gone = unique("gone");
        as(employee(gone)).get("/api/people/me").then().statusCode(200);

        as(admin()).post("/api/people/{login}/erasure", gone).then().statusCode(202);

        ConsumerRecord<String, String> r = snapshots(gone, 1,
                x -> x.value() != null && PersonErasure.erasedPerson(ActivityJson.read(x.value())).isPresent()).get(0);
        assertThat(PersonErasure.erasedPerson(ActivityJson.read(r.value()))).contains(Iri.person(gone));
        assertThat(KafkaProbe.header(r, "ce_source")).isEqualTo(CloudEventAttributes.PROFILE_SOURCE);
        assertThat(KafkaProbe.header(r, "ce_type")).isEqualTo(PersonErasure.CE_TYPE);
        assertThat(ActivityJson.read(r.value()).actor()).isEqualTo(Iri.person("carol"));
    }

    @Test
    void onlyAdministratorsEraseAndAnUnknownOrAlreadyErasedPersonIsNotFound() {
        String someone = unique("someone");
        as(employee(someone)).get("/api/people/me").then().statusCode(200);

        given().post("/api/people/{login}/erasure", someone).then().statusCode(401);
        as(employee(unique("colleague"))).post("/api/people/{login}/erasure", someone).then().statusCode(403);
        as(TestTokens.user(unique("cm"), "employee", "community-manager")).post("/api/people/{login}/erasure", someone)
                .then().statusCode(403);
        as(employee(someone)).get("/api/people/{login}", someone).then().statusCode(200);

        as(admin()).post("/api/people/{login}/erasure", unique("nobody")).then().statusCode(404)
                .contentType("application/problem+json");
        as(admin()).post("/api/people/{login}/erasure", someone).then().statusCode(202);
        as(admin()).post("/api/people/{login}/erasure", someone).then().statusCode(404);
        as(employee(someone)).get("/api/erasures/{id}", "x").then().statusCode(403);
    }

    /**
     * An erasure is final for what HR said before it: the hire that made the person, delivered again (a redelivery, a
     * replay of the topic), and HR's later report of their leave, never start a profile again, so the erased person
     * never reappears (here, nor through a new snapshot in every other service); nor does what HR said before the
     * erasure fill a profile they start again by signing in. A hire after the erasure is applied.
     */
    @Test
    void hrEventsAfterAnErasureBringThePersonBackOnlyThroughANewHire() {
        String gone = unique("gone");
        String reader = employee(unique("reader"));
        var hire = hr("employee.hired", gone).with("displayName", "Gone Person").with("email", gone + "@relais.example")
                .with("title", "Analyst").publish();
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", gone).then().statusCode(200)
                .body("title", equalTo("Analyst")));
        as(admin()).post("/api/people/{login}/erasure", gone).then().statusCode(202);

        hire.publish();
        hr("employee.left", gone).with("leftDate", "2026-12-31").publishAfter(hire);
        hr("employee.moved", gone).with("title", "Senior analyst").publishAfter(hire);
        // read after those three (same partition): once it is applied, they have been handled
        String marker = unique("marker");
        hr("employee.hired", marker).with("title", "Marker").publishAfter(hire);
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", marker).then().statusCode(200)
                .body("title", equalTo("Marker")));

        as(reader).get("/api/people/{login}", gone).then().statusCode(404);
        as(admin()).get("/scim/v2/Users/{id}", gone).then().statusCode(404);

        // they sign in again (a profile from their token); what HR said before the erasure still does not come back
        as(employee(gone)).get("/api/people/me").then().statusCode(200);
        hire.publish();
        String marker2 = unique("marker");
        hr("employee.hired", marker2).with("title", "Marker").publishAfter(hire);
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", marker2).then().statusCode(200));
        as(reader).get("/api/people/{login}", gone).then().statusCode(200)
                .body("title", nullValue()).body("displayName", org.hamcrest.Matchers.not(equalTo("Gone Person")));

        hr("employee.hired", gone).with("displayName", "Back Again").with("title", "Returning analyst").publishAfter(hire);
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", gone).then().statusCode(200)
                .body("title", equalTo("Returning analyst")).body("displayName", equalTo("Back Again"))
                .body("email", org.hamcrest.Matchers.not(equalTo(gone + "@relais.example"))));
    }

    /**
     * What came before an erasure is decided by HR's time, not by when the event arrives: a hire HR dates before the
     * erasure, received after it (a late batch, the record resent under a new event id), starts no profile, and a move
     * HR dates before it leaves the profile the person starts again by signing in as it is. Before, both were judged by
     * their arrival: the hire brought the erased person back (200, "Gone Person").
     */
    @Test
    void hrEventsHrDatesBeforeAnErasureChangeNothingThoughTheyArriveAfterIt() {
        String gone = unique("gone");
        String reader = employee(unique("reader"));
        var hire = hr("employee.hired", gone).with("displayName", "Gone Person").with("title", "Analyst").publish();
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", gone).then().statusCode(200)
                .body("title", equalTo("Analyst")));
        java.time.Instant beforeErasure = java.time.Instant.now();
        as(admin()).post("/api/people/{login}/erasure", gone).then().statusCode(202);

        hr("employee.hired", gone).with("displayName", "Gone Person").with("title", "Analyst").occurredAt(beforeErasure)
                .publishAfter(hire);
        String marker = unique("marker");
        hr("employee.hired", marker).with("title", "Marker").publishAfter(hire); // read after the hire
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", marker).then().statusCode(200));
        as(reader).get("/api/people/{login}", gone).then().statusCode(404);

        as(employee(gone)).get("/api/people/me").then().statusCode(200);
        hr("employee.moved", gone).with("title", "Senior analyst").occurredAt(beforeErasure).publishAfter(hire);
        String marker2 = unique("marker");
        hr("employee.hired", marker2).with("title", "Marker").publishAfter(hire);
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", marker2).then().statusCode(200));
        as(reader).get("/api/people/{login}", gone).then().statusCode(200).body("title", nullValue());
    }

    /**
     * A profile only HR moves started (pending: nobody, never shown, see hr.HrLifecycleTest) is HR's data about someone,
     * and an administrator erases it as a person's: 202 and an erasure record (state {@code erased}: nothing to tell
     * the other services), nothing published on relais.profiles about someone never shown, and what HR said is gone: a
     * hire after the erasure starts a new profile without the move's location, and the report HR had named them the
     * manager of no longer waits for them. Before, the erasure answered 404 as for nobody, so that data could never be
     * erased.
     */
    @Test
    void anAdministratorErasesAProfileOnlyAnHrMoveStarted() {
        String ghost = unique("ghost");
        String report = unique("report");
        String reader = employee(unique("reader"));
        var move = hr("employee.moved", ghost).with("title", "Phantom").with("location", "Brest").publish();
        hr("employee.hired", report).with("displayName", "Report").with("title", "Clerk").with("manager", ghost)
                .publishAfter(move); // read after the move: the link awaits the pending profile
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", report).then().statusCode(200)
                .body("title", equalTo("Clerk")).body("manager", nullValue()));
        as(reader).get("/api/people/{login}", ghost).then().statusCode(404);

        String location = as(admin()).post("/api/people/{login}/erasure", ghost).then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/erasures/")).extract().header("Location");

        as(admin()).get(location).then().statusCode(200).body("person", equalTo(Iri.person(ghost)))
                .body("reportsUnlinked", equalTo(1)).body("endorsementsRemoved", equalTo(0)).body("state", equalTo("erased"));
        as(admin()).post("/api/people/{login}/erasure", ghost).then().statusCode(404);

        hr("employee.hired", ghost).with("displayName", "New Ghost").with("title", "Analyst").publishAfter(move);
        String marker = unique("marker");
        hr("employee.hired", marker).with("title", "Marker").publishAfter(move); // read after the hire
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", marker).then().statusCode(200));
        as(reader).get("/api/people/{login}", ghost).then().statusCode(200).body("displayName", equalTo("New Ghost"))
                .body("title", equalTo("Analyst")).body("location", nullValue());
        as(reader).get("/api/people/{login}", report).then().statusCode(200).body("manager", nullValue());
        snapshots(ghost, 1, r -> r.value() != null && r.value().contains("New Ghost"));
        assertThat(io.relais.profile.Fixtures.allSnapshots(ghost, bootstrap)).as("the hire's snapshot alone: no Delete of "
                + "someone never shown").hasSize(1);
    }

    /**
     * An erasure that happens while an HR event about the person is being applied wins, whichever finishes last: the
     * person is not there afterwards (here, in the directory, in SCIM) and the last record of their key on
     * relais.profiles is the Delete, so no other service brings them back. The interleaving is made deterministic by
     * {@link EraseDuringWrite}: the erasure runs after the HR move is stored and before its snapshot is published.
     * Before, the move's snapshot was published after the Delete, the last word on the compacted topic, so every
     * other service recreated the erased person with their new job.
     */
    @Test
    void anErasureDuringAnHrEventWinsAndItsDeleteStaysTheLastWord() {
        String gone = unique("gone");
        String department = unique("Dept");
        String reader = employee(unique("reader"));
        var hire = hr("employee.hired", gone).with("displayName", "Gone Person").with("title", "Analyst").publish();
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", gone).then().statusCode(200)
                .body("title", equalTo("Analyst")));
        snapshots(gone, 1, r -> r.value() != null);

        eraseDuringWrite.arm(gone);
        hr("employee.moved", gone).with("title", "Senior analyst").with("department", department).publishAfter(hire);
        String marker = unique("marker");
        hr("employee.hired", marker).with("title", "Marker").publishAfter(hire);
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", marker).then().statusCode(200));

        as(reader).get("/api/people/{login}", gone).then().statusCode(404);
        as(admin()).get("/scim/v2/Users/{id}", gone).then().statusCode(404);
        as(reader).queryParam("department", department).get("/api/people").then().statusCode(200)
                .body("items.login", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(gone)));
        var all = io.relais.profile.Fixtures.allSnapshots(gone, bootstrap);
        assertThat(all).isNotEmpty();
        var last = all.get(all.size() - 1);
        assertThat(last.value()).as("the last record of the person's key").isNotNull();
        assertThat(PersonErasure.erasedPerson(ActivityJson.read(last.value()))).as("the last record of the person's key: "
                + last.value()).contains(Iri.person(gone));
    }

    /**
     * Every photo stored for the person goes with the erasure, not only the one their profile names: an upload whose
     * profile write never happened (a crash in between, a concurrent upload that lost, a write refused after a store
     * outage) leaves its bytes under the person's name, and they are theirs to have erased too.
     */
    @Test
    void erasureRemovesEveryPhotoStoredForThePersonEvenOnesTheProfileNoLongerNames() {
        String pia = unique("pia");
        given().auth().oauth2(employee(pia)).contentType("image/png").body(PNG).put("/api/people/me/photo").then().statusCode(200);
        // what an upload leaves when its profile write does not happen: the bytes are stored, the profile names others
        String stray = photos.store(pia, "image/png", PNG);
        given().auth().oauth2(employee(pia)).contentType("image/png").body(PNG).put("/api/people/me/photo").then().statusCode(200);
        String shown = as(employee(pia)).get("/api/people/me").then().extract().path("photoUrl");
        String current = shown.substring(shown.indexOf("?v=") + 3);
        assertThat(photos.load(stray)).isPresent();

        as(admin()).post("/api/people/{login}/erasure", pia).then().statusCode(202);

        assertThat(photos.load(current)).isEmpty();
        assertThat(photos.load(stray)).isEmpty();
    }
}
