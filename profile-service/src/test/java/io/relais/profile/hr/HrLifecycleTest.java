package io.relais.profile.hr;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.time.temporal.ChronoUnit;

import static io.relais.profile.Fixtures.WAIT;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.hr;
import static io.relais.profile.Fixtures.snapshots;
import static io.relais.profile.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class HrLifecycleTest {

    final String reader = employee("alice");

    @jakarta.inject.Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    void awaitTitle(String login, String title) {
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", login)
                .then().statusCode(200).body("title", equalTo(title)));
    }

    @Test
    void aHireOnKafkaMakesTheProfileReadableAndPublishesItsSnapshot() {
        String dave = unique("dave");
        String carol = unique("carol");
        hr("employee.hired", carol).with("displayName", "Carol").with("title", "Head of data").publish();
        awaitTitle(carol, "Head of data");
        hr("employee.hired", dave).with("displayName", "Dave Leroy").with("email", dave + "@relais.example")
                .with("title", "Data engineer").with("department", "Data").with("manager", carol)
                .with("location", "Lyon").with("startDate", "2026-11-02").publish();

        awaitTitle(dave, "Data engineer");
        as(reader).get("/api/people/{login}", dave).then()
                .body("displayName", equalTo("Dave Leroy")).body("department", equalTo("Data"))
                .body("manager", equalTo(carol)).body("startDate", equalTo("2026-11-02"))
                .body("status", equalTo("active")).body("iri", equalTo("urn:relais:person:" + dave));

        var snapshot = snapshots(dave, 1, r -> r.value() != null).get(0);
        assertThat(KafkaProbe.header(snapshot, "ce_type")).isEqualTo("relais.activity.update");
        assertThat(snapshot.value()).contains("\"type\":\"Person\"", "\"name\":\"Dave Leroy\"",
                "\"summary\":\"Data engineer\"", "\"manager\":\"urn:relais:person:" + carol + "\"", "\"managerLogin\":\"" + carol + "\"",
                "\"status\":\"active\"");
    }

    @Test
    void aMoveUpdatesTheOrgChartOnBothSides() {
        String oldBoss = unique("olga");
        String newBoss = unique("nina");
        String emma = unique("emma");
        hr("employee.hired", oldBoss).with("displayName", "Olga").with("title", "Head of sales").publish();
        hr("employee.hired", newBoss).with("displayName", "Nina").with("title", "Head of data").publish();
        hr("employee.hired", emma).with("displayName", "Emma").with("title", "Account manager")
                .with("department", "Sales").with("manager", oldBoss).publish();
        awaitTitle(emma, "Account manager");
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}/reports", oldBoss)
                .then().statusCode(200).body("login", contains(emma)));

        hr("employee.moved", emma).with("title", "Data analyst").with("department", "Data").with("manager", newBoss).publish();

        awaitTitle(emma, "Data analyst");
        as(reader).get("/api/people/{login}/reports", oldBoss).then().statusCode(200).body("$", empty());
        as(reader).get("/api/people/{login}/reports", newBoss).then().statusCode(200).body("login", contains(emma));
        as(reader).get("/api/people/{login}/manager-chain", emma).then().statusCode(200).body("login", contains(newBoss));
        as(reader).get("/api/departments/{name}/members", "Data").then().statusCode(200)
                .body("items.login", org.hamcrest.Matchers.hasItem(emma));
        as(reader).get("/api/departments/{name}/members", "Sales").then().statusCode(200)
                .body("items.login", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(emma)));
    }

    @Test
    void aLeaveMarksThePersonLeftButKeepsTheirProfile() {
        String farid = unique("farid");
        String boss = unique("boss");
        hr("employee.hired", boss).with("title", "Creative director").publish();
        hr("employee.hired", farid).with("displayName", "Farid").with("title", "Designer").with("manager", boss).publish();
        awaitTitle(farid, "Designer");
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}/reports", boss)
                .then().statusCode(200).body("login", contains(farid)));
        as(employee(farid)).contentType("application/json").body("{\"bio\":\"Typography nerd\"}")
                .patch("/api/people/me").then().statusCode(200);

        hr("employee.left", farid).with("leftDate", "2026-12-31").publish();

        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", farid)
                .then().statusCode(200).body("status", equalTo("left")).body("leftDate", equalTo("2026-12-31"))
                .body("bio", equalTo("Typography nerd")).body("title", equalTo("Designer")));
        as(reader).get("/api/people/{login}/reports", boss).then().body("$", empty());
        as(reader).get("/api/people?department=").then().statusCode(200)
                .body("items.login", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(farid)));
        snapshots(farid, 1, r -> r.value() != null && r.value().contains("\"status\":\"left\""));
    }

    @Test
    void replayingAnHrEventChangesNothingAndPublishesNoSecondSnapshot() {
        String gaelle = unique("gaelle");
        var hire = hr("employee.hired", gaelle).with("displayName", "Gaëlle").with("title", "Lawyer").publish();
        awaitTitle(gaelle, "Lawyer");
        snapshots(gaelle, 1, r -> r.value() != null);

        hire.publish(); // the same record again, as after a consumer restart
        hr("employee.moved", gaelle).with("title", "Senior lawyer").publish(); // a marker processed after the replay
        awaitTitle(gaelle, "Senior lawyer");

        snapshots(gaelle, 1, r -> r.value() != null && r.value().contains("\"summary\":\"Senior lawyer\""));
        var all = io.relais.profile.Fixtures.allSnapshots(gaelle, bootstrap);
        assertThat(all).extracting(r -> r.value().contains("Senior lawyer") ? "move" : "hire")
                .as("one snapshot for the hire, one for the move: the replay published nothing")
                .containsExactly("hire", "move");
    }

    @Test
    void anOlderEventArrivingLateDoesNotOverwriteANewerValue() {
        String hugo = unique("hugo");
        Instant now = Instant.now();
        var move = hr("employee.moved", hugo).with("title", "Team lead").at(now).publish();

        // read after the move (same partition); until it, the profile the move started is nobody's (see below)
        hr("employee.hired", hugo).with("displayName", "Hugo").with("title", "Developer")
                .with("department", "IT").at(now.minus(30, ChronoUnit.DAYS)).publishAfter(move);

        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", hugo)
                .then().statusCode(200).body("displayName", equalTo("Hugo")).body("department", equalTo("IT"))
                .body("title", equalTo("Team lead")));
    }

    // --- HR's own time (the event's occurredAt, in the object) orders HR's changes, not their arrival ---

    /**
     * connector-service dates the activity when it receives the event and carries HR's {@code occurredAt} in the object
     * ({@code published} of a Create): a move HR dates 10:00, then the hire HR dates 09:00, received in that order, leave
     * the move's title on the hired, active person. Before, the hire, received last, overwrote it: title "Engineer".
     */
    @Test
    void aHireHrDatesBeforeAMoveKeepsTheMovesTitleThoughItArrivesLast() {
        String xavier = unique("xavier");
        Instant received = Instant.now();
        Instant moved = received.minus(1, ChronoUnit.HOURS);
        var move = hr("employee.moved", xavier).with("title", "Lead").occurredAt(moved).at(received.minusSeconds(1)).publish();

        hr("employee.hired", xavier).with("displayName", "Xavier").with("title", "Engineer")
                .occurredAt(moved.minus(1, ChronoUnit.HOURS)).at(received).publishAfter(move);

        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", xavier).then().statusCode(200)
                .body("displayName", equalTo("Xavier")).body("status", equalTo("active")).body("title", equalTo("Lead")));
    }

    /**
     * A leave HR dates after the hire stays when that hire arrives after it: the person is shown as left, on the day
     * HR gave. Before, the hire, received last, counted as a rehire: status active, no leave date.
     */
    @Test
    void aLeaveHrDatesAfterTheHireStaysWhenTheHireArrivesLast() {
        String yara = unique("yara");
        Instant received = Instant.now();
        var leave = hr("employee.left", yara).with("leftDate", "2026-06-30").occurredAt(received.minus(1, ChronoUnit.DAYS))
                .at(received.minusSeconds(1)).publish();

        hr("employee.hired", yara).with("displayName", "Yara").with("title", "Chemist")
                .occurredAt(received.minus(400, ChronoUnit.DAYS)).at(received).publishAfter(leave);

        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", yara).then().statusCode(200)
                .body("displayName", equalTo("Yara")).body("title", equalTo("Chemist"))
                .body("status", equalTo("left")).body("leftDate", equalTo("2026-06-30")));
    }

    /**
     * A person's own correction of their location and an HR move naming one are ordered by when each happened: a move
     * HR dates before the correction, received after it (here mapped as an Update: HR's time in the object's
     * {@code updated}), leaves the correction; a move HR dates after it replaces it. Before, the move received last
     * replaced the correction whatever HR's date: location "Paris".
     */
    @Test
    void aPersonsLocationCorrectionAndAnHrMoveAreOrderedByWhenEachHappened() {
        String zoe = unique("zoe");
        Instant hired = Instant.now().minus(1, ChronoUnit.HOURS);
        var hire = hr("employee.hired", zoe).with("displayName", "Zoé").with("title", "Nurse").with("location", "Lyon")
                .occurredAt(hired).publish();
        awaitTitle(zoe, "Nurse");
        as(employee(zoe)).body("{\"location\":\"Nantes\"}").patch("/api/people/me").then().statusCode(200)
                .body("location", equalTo("Nantes"));

        hr("employee.moved", zoe).with("location", "Paris").occurredAt(hired.plus(30, ChronoUnit.MINUTES)).asUpdate()
                .publishAfter(hire);
        String marker = unique("marker");
        hr("employee.hired", marker).with("title", "Marker").publishAfter(hire); // read after the move
        awaitTitle(marker, "Marker");
        as(reader).get("/api/people/{login}", zoe).then().statusCode(200).body("location", equalTo("Nantes"));

        hr("employee.moved", zoe).with("location", "Marseille").publishAfter(hire); // HR dates it now: after the correction
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", zoe).then().statusCode(200)
                .body("location", equalTo("Marseille")));
    }

    /**
     * SCIM provisioning and HR events are ordered the same way: a move HR dates before a SCIM change of the title,
     * received after it, leaves SCIM's title; a move HR dates after it replaces it. Before, the move received last won.
     */
    @Test
    void aScimChangeAndAnHrMoveAreOrderedByWhenEachHappened() {
        String ugo = unique("ugo");
        Instant hired = Instant.now().minus(1, ChronoUnit.HOURS);
        var hire = hr("employee.hired", ugo).with("displayName", "Ugo").with("title", "Buyer").occurredAt(hired).publish();
        awaitTitle(ugo, "Buyer");
        io.restassured.RestAssured.given().auth().oauth2(io.relais.profile.Fixtures.hrSystem())
                .contentType("application/scim+json").accept("application/scim+json").body("""
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations":[{"op":"replace","path":"title","value":"Senior buyer"}]}""")
                .patch("/scim/v2/Users/{id}", ugo).then().statusCode(200).body("title", equalTo("Senior buyer"));

        hr("employee.moved", ugo).with("title", "Purchasing lead").occurredAt(hired.plus(30, ChronoUnit.MINUTES))
                .publishAfter(hire);
        String marker = unique("marker");
        hr("employee.hired", marker).with("title", "Marker").publishAfter(hire); // read after the move
        awaitTitle(marker, "Marker");
        as(reader).get("/api/people/{login}", ugo).then().statusCode(200).body("title", equalTo("Senior buyer"));

        hr("employee.moved", ugo).with("title", "Head of purchasing").publishAfter(hire); // HR dates it now
        awaitTitle(ugo, "Head of purchasing");
    }

    /**
     * HR's time is believed up to the event's arrival: a hire HR dates after connector-service received it (a clock
     * ahead of Relais', a wrong date) counts as received then, so it does not hold off the move that follows it.
     */
    @Test
    void anHrTimeLaterThanTheEventsArrivalCountsAsItsArrival() {
        String ada = unique("ada");
        Instant received = Instant.now().minusSeconds(60);
        var hire = hr("employee.hired", ada).with("displayName", "Ada").with("title", "Welder")
                .occurredAt(received.plus(1, ChronoUnit.DAYS)).at(received).publish();
        awaitTitle(ada, "Welder");

        hr("employee.moved", ada).with("title", "Senior welder").publishAfter(hire);

        awaitTitle(ada, "Senior welder");
    }

    // --- a move or leave of a login nobody has made a person (HR never hired, SCIM never provisioned, never signed in) ---

    /**
     * A move that overtakes the hire (HR batches arrive out of order) starts a pending profile that makes nobody up: not
     * found, in no department, in no manager's reports, not in SCIM, and no snapshot on relais.profiles, so search,
     * feed and connector never learn of a person who was never hired. The hire makes the person, with the move's
     * newer fields merged, in one snapshot. Before, the move alone answered 200 {"title":"Phantom","status":"active"}
     * and published that skeleton to every service.
     */
    @Test
    void aMoveOfSomeoneNeverHiredShowsNobodyUntilTheHireWhichKeepsTheMove() {
        String ghost = unique("ghost");
        String boss = unique("boss");
        String department = unique("Nowhere");
        hr("employee.hired", boss).with("displayName", "Boss").with("title", "Head of nothing").publish();
        awaitTitle(boss, "Head of nothing");
        Instant now = Instant.now();

        var move = hr("employee.moved", ghost).with("title", "Phantom").with("department", department)
                .with("manager", boss).at(now).publish();
        String marker = unique("marker");
        hr("employee.hired", marker).with("title", "Marker").publishAfter(move); // read after the move
        awaitTitle(marker, "Marker");

        as(reader).get("/api/people/{login}", ghost).then().statusCode(404).contentType("application/problem+json");
        as(reader).queryParam("department", department).get("/api/people").then().statusCode(200).body("items", empty());
        as(reader).get("/api/departments/{name}/members", department).then().statusCode(200).body("items", empty());
        as(reader).get("/api/people/{login}/reports", boss).then().statusCode(200).body("$", empty());
        as(reader).get("/api/people/{login}/manager-chain", ghost).then().statusCode(404);
        as(io.relais.profile.Fixtures.hrSystem()).get("/scim/v2/Users/{id}", ghost).then().statusCode(404);
        // the outbox publishes in order: once the marker's snapshot is out, one of the move would be out before it
        snapshots(marker, 1, r -> r.value() != null);
        assertThat(io.relais.profile.Fixtures.allSnapshots(ghost, bootstrap)).as("nothing published of the move").isEmpty();

        hr("employee.hired", ghost).with("displayName", "Gus Host").with("email", ghost + "@relais.example")
                .with("title", "Developer").with("department", "IT").at(now.minus(30, ChronoUnit.DAYS)).publishAfter(move);

        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", ghost).then().statusCode(200)
                .body("displayName", equalTo("Gus Host")).body("email", equalTo(ghost + "@relais.example"))
                .body("title", equalTo("Phantom")).body("department", equalTo(department))
                .body("manager", equalTo(boss)).body("status", equalTo("active")));
        as(reader).get("/api/departments/{name}/members", department).then().statusCode(200).body("items.login", contains(ghost));
        as(reader).get("/api/people/{login}/reports", boss).then().statusCode(200).body("login", contains(ghost));
        snapshots(ghost, 1, r -> r.value() != null && r.value().contains("\"name\":\"Gus Host\"")
                && r.value().contains("\"summary\":\"Phantom\""));
        assertThat(io.relais.profile.Fixtures.allSnapshots(ghost, bootstrap)).as("one snapshot: the hire's, with the move in it")
                .hasSize(1);
    }

    /** A leave of a login HR never hired shows no one either: not found, not in SCIM, nothing published. */
    @Test
    void aLeaveOfSomeoneNeverHiredShowsNobody() {
        String ghost = unique("ghost");
        var leave = hr("employee.left", ghost).with("leftDate", "2026-12-31").publish();
        String marker = unique("marker");
        hr("employee.hired", marker).with("title", "Marker").publishAfter(leave); // read after the leave
        awaitTitle(marker, "Marker");

        as(reader).get("/api/people/{login}", ghost).then().statusCode(404).contentType("application/problem+json");
        as(io.relais.profile.Fixtures.hrSystem()).queryParam("filter", "userName eq \"" + ghost + "\"").get("/scim/v2/Users")
                .then().statusCode(200).body("totalResults", equalTo(0));
        snapshots(marker, 1, r -> r.value() != null);
        assertThat(io.relais.profile.Fixtures.allSnapshots(ghost, bootstrap)).as("nothing published of the leave").isEmpty();
    }

    /**
     * Signing in makes a person: someone whose move came before their hire, and who signs in first, gets their profile
     * with the move in it and their token's name, and it is published once.
     */
    @Test
    void aSignInMakesAPersonOfWhatAMoveStarted() {
        String ines = unique("ines");
        var move = hr("employee.moved", ines).with("title", "Nurse").publish();
        String marker = unique("marker");
        hr("employee.hired", marker).with("title", "Marker").publishAfter(move);
        awaitTitle(marker, "Marker");
        as(reader).get("/api/people/{login}", ines).then().statusCode(404);

        as(employee(ines)).get("/api/people/me").then().statusCode(200).body("title", equalTo("Nurse"))
                .body("displayName", equalTo(Character.toUpperCase(ines.charAt(0)) + ines.substring(1) + " Test"));

        as(reader).get("/api/people/{login}", ines).then().statusCode(200).body("title", equalTo("Nurse"));
        snapshots(ines, 1, r -> r.value() != null && r.value().contains("\"summary\":\"Nurse\""));
    }

    @Test
    void anHrEventThatWouldCreateAManagerCycleGoesToTheDeadLetterTopicWithItsReason() {
        String ines = unique("ines");
        String jules = unique("jules");
        hr("employee.hired", ines).with("title", "CTO").publish();
        hr("employee.hired", jules).with("title", "Architect").with("manager", ines).publish();
        awaitTitle(jules, "Architect");
        awaitTitle(ines, "CTO");

        var cycle = hr("employee.moved", ines).with("manager", jules).publish();

        String subject = cycle.activity().object().id();
        KafkaProbe.awaitRecords(Topics.ACTIVITIES_DLQ, r -> subject.equals(KafkaProbe.header(r, "ce_subject"))
                && String.valueOf(KafkaProbe.header(r, "dead-letter-reason")).contains("cycle"), 1, WAIT);
        as(reader).get("/api/people/{login}", ines).then().body("manager", org.hamcrest.Matchers.nullValue());
    }

    /**
     * HR values are text: an object, a list or a number where a string belongs is dead-lettered naming the field, and
     * nothing is stored. Before, Java's rendering of it became the person's name and job ({@code {a=1}}, {@code [x]},
     * {@code 42}) in the profile and in the snapshot every service shows.
     */
    @Test
    void anHrValueThatIsNotTextIsDeadLetteredNamingTheField() {
        String lea = unique("lea");
        var bad = hr("employee.hired", lea).with("displayName", java.util.Map.of("a", 1)).with("title", 42)
                .with("department", List.of("Data")).publish();
        String reason = KafkaProbe.header(awaitDeadLetter(bad, "data.displayName"), "dead-letter-reason");
        assertThat(reason).contains("data.displayName must be a string", "data.title must be a string",
                "data.department must be a string").doesNotContain("{a=1}");
        as(reader).get("/api/people/{login}", lea).then().statusCode(404);

        var login = hr("employee.left", unique("num")).with("login", 12345).publish();
        assertThat(KafkaProbe.header(awaitDeadLetter(login, "data.login"), "dead-letter-reason")).contains("must be a string");
    }

    @Test
    void anInvalidHrEventGoesToTheDeadLetterTopicNamingTheField() {
        var bad = hr("employee.hired", unique("kim")).with("startDate", "next monday").publish();
        String subject = bad.activity().object().id();
        KafkaProbe.awaitRecords(Topics.ACTIVITIES_DLQ, r -> subject.equals(KafkaProbe.header(r, "ce_subject"))
                && String.valueOf(KafkaProbe.header(r, "dead-letter-reason")).contains("data.startDate"), 1, WAIT);
    }

    @Test
    void aHireCompletesTheMinimalProfileOfSomeoneWhoAlreadyLoggedIn() {
        String lea = unique("lea");
        as(employee(lea)).get("/api/people/me").then().statusCode(200)
                .body("displayName", equalTo(Character.toUpperCase(lea.charAt(0)) + lea.substring(1) + " Test"))
                .body("title", org.hamcrest.Matchers.nullValue());

        hr("employee.hired", lea).with("displayName", "Léa Martin").with("title", "Product owner").publish();

        awaitTitle(lea, "Product owner");
        as(employee(lea)).get("/api/people/me").then().body("displayName", equalTo("Léa Martin"));
    }

    // --- a hire for a login HR already has active (an HR feed reusing a working employee's login) ---

    @Test
    void aSecondHireOfAnActivePersonChangesNothingPublishesNothingAndIsDeadLetteredNamingTheLogin() {
        String carol = unique("carol");
        hr("employee.hired", carol).with("displayName", "Carol Lefèvre").with("email", carol + "@relais.example")
                .with("title", "CTO").with("department", "Direction").publish();
        awaitTitle(carol, "CTO");
        snapshots(carol, 1, r -> r.value() != null);

        var hijack = hr("employee.hired", carol).with("displayName", "Carol Hijack").with("email", unique("new") + "@relais.example")
                .with("title", "t").with("department", "Sales").publish();

        var dead = awaitDeadLetter(hijack, "data.login");
        assertThat(KafkaProbe.header(dead, "dead-letter-reason"))
                .contains("data.login " + carol + " is already an active person").contains("employee.moved");
        as(reader).get("/api/people/{login}", carol).then().statusCode(200)
                .body("displayName", equalTo("Carol Lefèvre")).body("email", equalTo(carol + "@relais.example"))
                .body("title", equalTo("CTO")).body("department", equalTo("Direction")).body("status", equalTo("active"));

        // a marker behind the refusal: once its snapshot is out, a snapshot of the refused hire would be out before it
        hr("employee.moved", carol).with("title", "CTO and CPO").publish();
        awaitTitle(carol, "CTO and CPO");
        snapshots(carol, 1, r -> r.value() != null && r.value().contains("CTO and CPO"));
        assertThat(io.relais.profile.Fixtures.allSnapshots(carol, bootstrap))
                .extracting(r -> r.value().contains("CTO and CPO") ? "move" : r.value().contains("Hijack") ? "hijack" : "hire")
                .as("the refused hire published nothing").containsExactly("hire", "move");
        assertThat(announcementsNow(hijack)).as("no welcome card for the refused hire").isEmpty();
    }

    @Test
    void anAppliedHireIsAnnouncedAsItsWelcomeCardByProfileService() {
        String ines = unique("ines");
        var hire = hr("employee.hired", ines).with("displayName", "Inès").with("title", "Nurse").publish();

        var announced = KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> isAnnouncementOf(r, hire), 1, WAIT).get(0);
        var card = io.relais.events.ActivityJson.read(announced.value());
        assertThat(card.id()).isEqualTo(hire.activity().id() + ".accepted");
        assertThat(card.actor()).isEqualTo(hire.activity().actor());
        assertThat(card.relais()).containsEntry("acceptedBy", "urn:relais:service:profile-service");
        assertThat(card.object()).isEqualTo(hire.activity().object());
        assertThat(card.generator()).isEqualTo(hire.activity().generator());
        // announced once the person is there: who the card welcomes can be read
        as(reader).get("/api/people/{login}", ines).then().statusCode(200).body("title", equalTo("Nurse"));
    }

    /**
     * A move, a leave and an anniversary of a hired person are announced as their cards (each once: a redelivery
     * announces the same activity); a move or leave of a login nobody hired (a pending profile, GET 404) is announced
     * to no one, and the hire that later makes that login a person announces its welcome only. Before, only hires were
     * announced, and the connector's own move card ("Nouveau poste pour Pending Person") was shown to everyone.
     */
    @Test
    void movesLeavesAndAnniversariesAreAnnouncedForAPersonOnlyAndAPendingLoginsNever() {
        String emma = unique("emma");
        hr("employee.hired", emma).with("displayName", "Emma").with("title", "Analyst").publish();
        awaitTitle(emma, "Analyst");
        var move = hr("employee.moved", emma).with("title", "Lead analyst").publish();
        var moved = awaitAnnouncement(move);
        assertThat(moved.id()).isEqualTo(move.activity().id() + ".accepted");
        assertThat(moved.object()).isEqualTo(move.activity().object());
        assertThat(moved.relais()).containsEntry("acceptedBy", "urn:relais:service:profile-service");
        as(reader).get("/api/people/{login}", emma).then().statusCode(200).body("title", equalTo("Lead analyst"));
        move.publish(); // delivered again: announced again as the same activity
        var anniversary = hr("employee.anniversary", emma).with("years", "5").publishAfter(move);
        awaitAnnouncement(anniversary);
        assertThat(announcementsNow(move)).extracting(r -> io.relais.events.ActivityJson.read(r.value()).id())
                .containsOnly(move.activity().id() + ".accepted");
        var leave = hr("employee.left", emma).with("leftDate", "2026-12-31").publishAfter(move);
        awaitAnnouncement(leave);

        String ghost = unique("ghost");
        var pendingMove = hr("employee.moved", ghost).with("title", "Secret Agent").with("department", "QA4").publish();
        var pendingLeave = hr("employee.left", ghost).with("leftDate", "2026-12-31").publishAfter(pendingMove);
        var pendingAnniversary = hr("employee.anniversary", ghost).with("years", "1").publishAfter(pendingMove);
        String marker = unique("marker");
        var markerHire = hr("employee.hired", marker).with("title", "Marker").publishAfter(pendingMove);
        // the outbox publishes in order: once the marker's welcome is out, a card of the pending login would be out before it
        awaitAnnouncement(markerHire);
        as(reader).get("/api/people/{login}", ghost).then().statusCode(404);
        assertThat(announcementsNow(pendingMove)).as("no card for a pending login's move").isEmpty();
        assertThat(announcementsNow(pendingLeave)).as("no card for a pending login's leave").isEmpty();
        assertThat(announcementsNow(pendingAnniversary)).as("no card for a pending login's anniversary").isEmpty();

        var ghostHire = hr("employee.hired", ghost).with("displayName", "Gus").with("title", "Developer")
                .publishAfter(pendingMove);
        awaitAnnouncement(ghostHire);
        assertThat(announcementsNow(pendingMove)).as("the hire does not replay the moves kept for it").isEmpty();
    }

    /**
     * An erased person gets no card: a move or leave after the erasure (no profile: passed over), and, once they signed in
     * again, a move or anniversary HR dates before the erasure (passed over) announce nothing; a move HR dates after it
     * is announced. Before, each of them was shown as the connector sent it ("Au revoir …" of an erased person).
     */
    @Test
    void anErasedPersonGetsNoCardForWhatHrSaysBeforeOrWithoutANewProfile() {
        String gone = unique("gone");
        var hire = hr("employee.hired", gone).with("displayName", "Gone Person").with("title", "Analyst").publish();
        awaitTitle(gone, "Analyst");
        Instant beforeErasure = Instant.now();
        as(io.relais.profile.Fixtures.admin()).post("/api/people/{login}/erasure", gone).then().statusCode(202);

        var moveAfter = hr("employee.moved", gone).with("title", "Senior analyst").publishAfter(hire);
        var leaveBefore = hr("employee.left", gone).with("leftDate", "2026-12-31").occurredAt(beforeErasure).publishAfter(hire);
        var leaveAfter = hr("employee.left", gone).with("leftDate", "2026-12-31").publishAfter(hire);
        String marker = unique("marker");
        awaitAnnouncement(hr("employee.hired", marker).with("title", "Marker").publishAfter(hire));
        as(reader).get("/api/people/{login}", gone).then().statusCode(404);
        assertThat(announcementsNow(moveAfter)).as("a move of an erased login").isEmpty();
        assertThat(announcementsNow(leaveBefore)).as("a leave HR dates before the erasure").isEmpty();
        assertThat(announcementsNow(leaveAfter)).as("a leave of an erased login").isEmpty();

        as(employee(gone)).get("/api/people/me").then().statusCode(200); // they sign in again: a new profile
        var moveBefore = hr("employee.moved", gone).with("title", "Senior analyst").occurredAt(beforeErasure).publishAfter(hire);
        var anniversaryBefore = hr("employee.anniversary", gone).with("years", "3").occurredAt(beforeErasure).publishAfter(hire);
        var moveLater = hr("employee.moved", gone).with("title", "Returning analyst").publishAfter(hire);
        awaitAnnouncement(moveLater);
        awaitTitle(gone, "Returning analyst");
        assertThat(announcementsNow(moveBefore)).as("a move HR dates before the erasure").isEmpty();
        assertThat(announcementsNow(anniversaryBefore)).as("an anniversary HR dates before the erasure").isEmpty();
    }

    @Test
    void theSameHireDeliveredAgainIsAppliedOnceAndNotDeadLettered() {
        String lina = unique("lina");
        var hire = hr("employee.hired", lina).with("displayName", "Lina").with("email", lina + "@relais.example")
                .with("title", "Buyer").publish();
        awaitTitle(lina, "Buyer");

        hire.publish(); // Kafka delivers the same record again (same CloudEvent id), e.g. after a rebalance
        awaitHandled(hire, lina);

        assertThat(deadLettersNow(hire)).as("a redelivery is not a second hire").isZero();
        as(reader).get("/api/people/{login}", lina).then().body("displayName", equalTo("Lina")).body("title", equalTo("Buyer"));
    }

    @Test
    void anotherHireSayingWhatHrAlreadySaysIsHarmless() {
        String noe = unique("noe");
        hr("employee.hired", noe).with("displayName", "Noé").with("email", noe + "@relais.example").with("title", "Welder")
                .with("startDate", "2026-01-05").publish();
        awaitTitle(noe, "Welder");
        snapshots(noe, 1, r -> r.value() != null);

        // the HR system resends the hire under a new event id (a re-export of the same record)
        var again = hr("employee.hired", noe).with("displayName", "Noé").with("email", noe + "@relais.example")
                .with("title", "Welder").with("startDate", "2026-01-05").publish();
        awaitHandled(again, noe);

        assertThat(deadLettersNow(again)).isZero();
        assertThat(io.relais.profile.Fixtures.allSnapshots(noe, bootstrap)).as("nothing visible changed").hasSize(1);
    }

    @Test
    void aPersonWhoLeftMayBeHiredAgain() {
        String omar = unique("omar");
        hr("employee.hired", omar).with("displayName", "Omar").with("title", "Designer").publish();
        awaitTitle(omar, "Designer");
        hr("employee.left", omar).with("leftDate", "2026-06-30").publish();
        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", omar)
                .then().statusCode(200).body("status", equalTo("left")));

        var rehire = hr("employee.hired", omar).with("displayName", "Omar B.").with("title", "Art director").publish();

        await().atMost(WAIT).untilAsserted(() -> as(reader).get("/api/people/{login}", omar)
                .then().statusCode(200).body("status", equalTo("active")).body("title", equalTo("Art director"))
                .body("displayName", equalTo("Omar B.")).body("leftDate", org.hamcrest.Matchers.nullValue()));
        assertThat(deadLettersNow(rehire)).isZero();
    }

    private static org.apache.kafka.clients.consumer.ConsumerRecord<String, String> awaitDeadLetter(
            io.relais.profile.Fixtures.HrEvent event, String reason) {
        String subject = event.activity().object().id();
        return KafkaProbe.awaitRecords(Topics.ACTIVITIES_DLQ, r -> subject.equals(KafkaProbe.header(r, "ce_subject"))
                && String.valueOf(KafkaProbe.header(r, "dead-letter-reason")).contains(reason), 1, WAIT).get(0);
    }

    private static boolean isAnnouncementOf(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r,
                                            io.relais.profile.Fixtures.HrEvent hire) {
        return hire.activity().object().id().equals(KafkaProbe.header(r, "ce_subject"))
                && "/relais/profile-service".equals(KafkaProbe.header(r, "ce_source"));
    }

    /** profile-service's announcement of {@code event} as its card, once it is on relais.activities. */
    private static io.relais.events.Activity awaitAnnouncement(io.relais.profile.Fixtures.HrEvent event) {
        var r = KafkaProbe.awaitRecords(Topics.ACTIVITIES, x -> isAnnouncementOf(x, event), 1, WAIT).get(0);
        return io.relais.events.ActivityJson.read(r.value());
    }

    private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> announcementsNow(
            io.relais.profile.Fixtures.HrEvent hire) {
        return KafkaProbe.recordsNow(Topics.ACTIVITIES, r -> isAnnouncementOf(r, hire));
    }

    private static int deadLettersNow(io.relais.profile.Fixtures.HrEvent event) {
        String subject = event.activity().object().id();
        return KafkaProbe.recordsNow(Topics.ACTIVITIES_DLQ, r -> subject.equals(KafkaProbe.header(r, "ce_subject"))).size();
    }

    /**
     * Waits until the consumer has handled {@code event}: a barrier read after it on its partition (a move naming the
     * person their own manager) is dead-lettered, and a dead letter of {@code event} would have been sent before it.
     */
    private static void awaitHandled(io.relais.profile.Fixtures.HrEvent event, String login) {
        var barrier = hr("employee.moved", login).with("manager", login).publishAfter(event);
        awaitDeadLetter(barrier, "data.manager");
    }
}
