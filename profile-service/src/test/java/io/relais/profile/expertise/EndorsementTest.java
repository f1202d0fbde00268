package io.relais.profile.expertise;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import static io.relais.profile.Fixtures.WAIT;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.publishPost;
import static io.relais.profile.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class EndorsementTest {

    @jakarta.inject.Inject
    io.relais.profile.person.PersonService people;

    static void skills(String login, String... skills) {
        as(employee(login)).body("{\"skills\":[" + String.join(",", java.util.Arrays.stream(skills).map(s -> "\"" + s + "\"").toList()) + "]}")
                .patch("/api/people/me").then().statusCode(200);
    }

    /**
     * Whoever endorses has a profile, so an administrator can erase them and their endorsements go. Before, a colleague
     * who endorsed through the API without ever opening their own profile could not be erased (404 "person … does not
     * exist") and their endorsement stayed counted on the other's profile.
     */
    @Test
    void anEndorserWhoNeverOpenedTheirProfileCanBeErasedAndTheirEndorsementGoes() {
        String kai = unique("kai");
        String ned = unique("ned");
        skills(kai, "Kafka");
        as(employee(ned)).put("/api/people/{login}/skills/{skill}/endorsements/mine", kai, "kafka").then().statusCode(200)
                .body("endorsements", equalTo(1));

        as(io.relais.profile.Fixtures.admin()).post("/api/people/{login}/erasure", ned).then().statusCode(202)
                .body("endorsementsRemoved", equalTo(1));

        as(employee(kai)).get("/api/people/me").then().body("skills[0].endorsements", equalTo(0));
    }

    /**
     * A profile write between whose read and store a colleague endorses (an HR move, the person's own edit, any write
     * of the profile) keeps the new count: counts are kept beside the profile fields, never written back from the
     * profile read before. Before, the write stored the count it had read, so the endorsement existed uncounted (and a
     * later withdrawal took the count below the number of endorsements, down to -1).
     */
    @Test
    void anEndorsementDuringAProfileWriteIsNeverLost() {
        String kai = unique("kai");
        String lou = unique("lou");
        skills(kai, "Kafka");
        java.util.concurrent.atomic.AtomicBoolean endorsed = new java.util.concurrent.atomic.AtomicBoolean();

        people.change(kai, false, io.relais.events.Iri.person(kai), p -> {
            // after this write read the profile, before it stores it
            if (endorsed.compareAndSet(false, true)) {
                as(employee(lou)).put("/api/people/{login}/skills/{skill}/endorsements/mine", kai, "kafka").then().statusCode(200);
            }
            p.bio = "Streams";
        });

        as(employee(lou)).get("/api/people/{login}", kai).then().body("bio", equalTo("Streams"))
                .body("skills[0].endorsements", equalTo(1)).body("skills[0].endorsedByMe", equalTo(true));
        as(employee(lou)).delete("/api/people/{login}/skills/{skill}/endorsements/mine", kai, "kafka").then().statusCode(200)
                .body("endorsements", equalTo(0));
    }

    @Test
    void aColleagueEndorsesASkillOnceHoweverOftenTheyAsk() {
        String kai = unique("kai");
        String lou = unique("lou");
        skills(kai, "Kafka", "Node.js");

        as(employee(lou)).put("/api/people/{login}/skills/{skill}/endorsements/mine", kai, "kafka").then().statusCode(200)
                .body("skill", equalTo("Kafka")).body("endorsements", equalTo(1)).body("endorsedByMe", equalTo(true));
        as(employee(lou)).put("/api/people/{login}/skills/{skill}/endorsements/mine", kai, "Kafka").then().statusCode(200)
                .body("endorsements", equalTo(1));
        as(employee(lou)).put("/api/people/{login}/skills/{skill}/endorsements/mine", kai, "Node.js").then().statusCode(200)
                .body("endorsements", equalTo(1));

        as(employee(lou)).get("/api/people/{login}", kai).then()
                .body("skills.find { it.name == 'Kafka' }.endorsements", equalTo(1))
                .body("skills.find { it.name == 'Kafka' }.endorsedByMe", equalTo(true));
        as(employee("alice")).get("/api/people/{login}", kai).then()
                .body("skills.find { it.name == 'Kafka' }.endorsedByMe", equalTo(false));
    }

    @Test
    void nobodyEndorsesTheirOwnSkills() {
        String max = unique("max");
        skills(max, "Rust");
        as(employee(max)).put("/api/people/{login}/skills/{skill}/endorsements/mine", max, "Rust").then().statusCode(403)
                .contentType("application/problem+json");
        as(employee(max)).get("/api/people/me").then().body("skills[0].endorsements", equalTo(0));
    }

    @Test
    void anEndorsementCanBeWithdrawn() {
        String ned = unique("ned");
        String ola = unique("ola");
        skills(ned, "Go");
        as(employee(ola)).put("/api/people/{login}/skills/{skill}/endorsements/mine", ned, "Go").then().statusCode(200);

        as(employee(ola)).delete("/api/people/{login}/skills/{skill}/endorsements/mine", ned, "Go").then().statusCode(200)
                .body("endorsements", equalTo(0)).body("endorsedByMe", equalTo(false));
        as(employee(ola)).delete("/api/people/{login}/skills/{skill}/endorsements/mine", ned, "Go").then().statusCode(200)
                .body("endorsements", equalTo(0));
    }

    @Test
    void aSkillThatIsNotOnTheProfileCannotBeEndorsed() {
        String pia = unique("pia");
        skills(pia, "SQL");
        as(employee("alice")).put("/api/people/{login}/skills/{skill}/endorsements/mine", pia, "COBOL").then().statusCode(404);
    }

    @Test
    void whoKnowsXRanksByEndorsementsThenByWhatPeopleWriteAboutIt() {
        String skill = unique("Terraform");
        String quentin = unique("quentin");
        String rania = unique("rania");
        String simon = unique("simon");
        skills(quentin, skill);
        skills(rania, skill);
        skills(simon, skill);
        // rania: one endorsement (score 3); simon: four posts tagged with the skill (score 4); quentin: nothing
        as(employee("alice")).put("/api/people/{login}/skills/{skill}/endorsements/mine", rania, skill).then().statusCode(200);
        for (int i = 0; i < 4; i++) publishPost(simon, skill);

        await().atMost(WAIT).untilAsserted(() -> as(employee("alice")).queryParam("skill", skill).get("/api/expertise")
                .then().statusCode(200).body("login", contains(simon, rania, quentin))
                .body("[0].topicalActivity", equalTo(4)).body("[1].endorsements", equalTo(1)));
    }

    @Test
    void whoKnowsXNeedsASkill() {
        as(employee("alice")).get("/api/expertise").then().statusCode(400).body("errors[0].field", equalTo("skill"));
    }
}
