package io.relais.profile.person;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import static io.relais.profile.Fixtures.admin;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.snapshots;
import static io.relais.profile.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ProfileEditTest {

    @Test
    void aFirstVisitCreatesAMinimalProfileFromTheTokenAndPublishesIt() {
        String zoe = unique("zoe");
        as(employee(zoe)).get("/api/people/me").then().statusCode(200)
                .body("login", equalTo(zoe)).body("email", equalTo(zoe + "@relais.test"))
                .body("status", equalTo("active"));
        snapshots(zoe, 1, r -> r.value() != null && r.value().contains(zoe + "@relais.test"));
    }

    @Test
    void anEmployeeEditsTheirOwnBioSkillsLanguagesPhoneAndLocation() {
        String yan = unique("yan");
        as(employee(yan)).body("""
                {"bio":"Je fais des pipelines.","skills":["Kafka"," kafka ","Machine  learning"],"languages":["fr","en"],
                 "phone":"+33 1 23 45 67 89","location":"Lille"}""")
                .patch("/api/people/me").then().statusCode(200)
                .body("bio", equalTo("Je fais des pipelines.")).body("skills.name", contains("Kafka", "Machine learning"))
                .body("languages", contains("fr", "en")).body("phone", equalTo("+33 1 23 45 67 89"))
                .body("location", equalTo("Lille"));

        as(employee("alice")).get("/api/people/{login}", yan).then().statusCode(200).body("bio", equalTo("Je fais des pipelines."));
        snapshots(yan, 1, r -> r.value() != null && r.value().contains("\"skills\":[\"Kafka\",\"Machine learning\"]"));

        as(employee(yan)).body("{\"phone\":null}").patch("/api/people/me").then().statusCode(200)
                .body("phone", nullValue()).body("bio", equalTo("Je fais des pipelines."));
    }

    /**
     * Languages are BCP 47 tags of a known language, stored in their canonical form. Before,
     * {@code {"languages":["xx-invalid-lang"]}} answered 200 and was stored and published as given.
     */
    @Test
    void languagesAreWellFormedTagsOfAKnownLanguageNamingTheEntryOtherwise() {
        String lea = unique("lea");
        as(employee(lea)).body("{\"languages\":[\"xx-invalid-lang\"]}").patch("/api/people/me").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("languages[0]"))
                .body("errors[0].message", containsString("BCP 47"));
        as(employee(lea)).body("{\"languages\":[\"fr\",\"xx\",\"en-XY\",\"Français\"]}").patch("/api/people/me")
                .then().statusCode(400).body("errors.field", contains("languages[1]", "languages[2]", "languages[3]"));
        as(employee(lea)).get("/api/people/me").then().statusCode(200).body("languages", org.hamcrest.Matchers.empty());

        as(employee(lea)).body("{\"languages\":[\"FR\",\"pt-br\",\"zh-Hant-TW\",\"gsw\",\"fr\"]}").patch("/api/people/me")
                .then().statusCode(200).body("languages", contains("fr", "pt-BR", "zh-Hant-TW", "gsw"));
    }

    @Test
    void hrOwnedFieldsAreRefusedNamingEachField() {
        String xav = unique("xav");
        as(employee(xav)).body("{\"title\":\"CEO\",\"manager\":\"nobody\",\"bio\":\"hi\"}").patch("/api/people/me")
                .then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title", "manager"))
                .body("errors[0].message", containsString("owned by HR"));
        as(employee(xav)).get("/api/people/me").then().body("title", nullValue()).body("bio", nullValue());
    }

    @Test
    void malformedEditsAreRefusedNamingTheFieldAndRule() {
        String wes = unique("wes");
        as(employee(wes)).body("{\"skills\":\"Kafka\",\"phone\":\"call me\",\"bio\":\"" + "x".repeat(2001) + "\",\"shoeSize\":44}")
                .patch("/api/people/me").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("skills", "phone", "bio", "shoeSize"));
        as(employee(wes)).body("[1,2]").patch("/api/people/me").then().statusCode(400).contentType("application/problem+json");
        as(employee(wes)).body("{oops").patch("/api/people/me").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anAdministratorCorrectsHrFieldsButNotWhatThePersonOwns() {
        String val = unique("val");
        as(employee(val)).get("/api/people/me").then().statusCode(200);

        as(admin()).body("{\"title\":\"Office manager\",\"department\":\"Facilities\",\"startDate\":\"2025-01-06\"}")
                .patch("/api/people/{login}", val).then().statusCode(200)
                .body("title", equalTo("Office manager")).body("department", equalTo("Facilities"));
        as(admin()).body("{\"bio\":\"rewritten\"}").patch("/api/people/{login}", val).then().statusCode(400)
                .body("errors[0].field", equalTo("bio"));
        as(admin()).body("{\"startDate\":\"tomorrow\"}").patch("/api/people/{login}", val).then().statusCode(400)
                .body("errors[0].field", equalTo("startDate"));
        as(admin()).body("{\"title\":\"x\"}").patch("/api/people/{login}", unique("ghost")).then().statusCode(404);
    }

    @Test
    void anAdministratorCannotCreateAManagerCycle() {
        String top = unique("top");
        String mid = unique("mid");
        as(employee(top)).get("/api/people/me").then().statusCode(200);
        as(employee(mid)).get("/api/people/me").then().statusCode(200);
        as(admin()).body("{\"manager\":\"" + top + "\"}").patch("/api/people/{login}", mid).then().statusCode(200);

        as(admin()).body("{\"manager\":\"" + mid + "\"}").patch("/api/people/{login}", top).then().statusCode(400)
                .body("errors[0].field", equalTo("manager")).body("errors[0].message", containsString("cycle"));
        as(admin()).body("{\"manager\":\"" + top + "\"}").patch("/api/people/{login}", top).then().statusCode(400);
    }

    @Test
    void anUnknownPersonIsNotFound() {
        as(employee("alice")).get("/api/people/{login}", unique("nobody")).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/people/me").then().statusCode(401);
    }
}
