package io.relais.profile.hygiene;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static io.relais.profile.Fixtures.WAIT;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.hr;
import static io.relais.profile.Fixtures.hrSystem;
import static io.relais.profile.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * One input-hygiene rule for every way text reaches a profile (the person's own edit, SCIM, HR events):
 * NFC, and no NUL, control, bidi-override or zero-width characters, before validation and storage; one
 * login rule for SCIM userNames.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class InputHygieneTest {

    static final String SCIM = "application/scim+json";
    /** "Zoé" typed with a combining accent, a NUL, a right-to-left override and a zero-width space. */
    static final String DIRTY_NAME = "Zoe\u0301\u0000 \u202EMar\u200Btin";
    /** The same, as JSON escapes (a raw control character inside a JSON string is itself a syntax error). */
    static final String DIRTY_NAME_JSON = "Zoe\\u0301\\u0000 \\u202EMar\\u200Btin";
    static final String CLEAN_NAME = "Zoé Martin";

    static RequestSpecification scim() {
        return given().auth().oauth2(hrSystem()).contentType(SCIM).accept(SCIM);
    }

    @Test
    void ownProfileFieldsAreStoredCleanAndInNormalForm() {
        String me = unique("hy");
        as(employee(me)).body("{\"bio\":\"Ligne 1\\nCafe\\u0301 \\u202Eevil\\u0007\",\"phone\":\"+33\\u200B 1 23 45\","
                        + "\"location\":\"Lyon\\u0000\",\"skills\":[\"Ka\\u200Bfka\",\"Caf\\u0065\\u0301\"]}")
                .patch("/api/people/me").then().statusCode(200);
        as(employee(me)).get("/api/people/me").then().statusCode(200)
                .body("bio", equalTo("Ligne 1\nCafé evil"))
                .body("phone", equalTo("+33 1 23 45"))
                .body("location", equalTo("Lyon"))
                .body("skills.name", contains("Kafka", "Café"));
    }

    @Test
    void aBioMadeOnlyOfInvisibleCharactersIsCleared() {
        String me = unique("hy");
        as(employee(me)).body("{\"bio\":\"\\u200B\\u0000\\u202E\"}").patch("/api/people/me").then().statusCode(200);
        as(employee(me)).get("/api/people/me").then().body("bio", equalTo(null));
    }

    @Test
    void scimAttributesAreCleanedBeforeValidationAndStorage() {
        String zoe = unique("zoe");
        scim().body("""
                {"userName":"%s","displayName":"%s","title":"Ach\\u0000eteuse","addresses":[{"locality":"Nan\\u202Etes"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Achats\\u200B"}}"""
                .formatted(zoe, DIRTY_NAME_JSON)).post("/scim/v2/Users").then().statusCode(201)
                .body("displayName", equalTo(CLEAN_NAME)).body("title", equalTo("Acheteuse"));
        as(employee("alice")).get("/api/people/{login}", zoe).then().statusCode(200)
                .body("displayName", equalTo(CLEAN_NAME)).body("title", equalTo("Acheteuse"))
                .body("location", equalTo("Nantes")).body("department", equalTo("Achats"));
    }

    @Test
    void aScimNameOfOnlyControlCharactersIsRefusedNotStoredBlank() {
        scim().body("{\"userName\":\"" + unique("ctl") + "\",\"displayName\":\"\\u0000\\u0007\"}").post("/scim/v2/Users")
                .then().statusCode(400).body("scimType", equalTo("invalidValue")).body("detail", containsString("displayName"));
    }

    @Test
    void aScimStringAttributeGivenANumberIsRefusedNamingIt() {
        scim().body("{\"userName\":\"" + unique("num") + "\",\"title\":123}").post("/scim/v2/Users")
                .then().statusCode(400).body("scimType", equalTo("invalidValue")).body("detail", containsString("title"));
        scim().body("{\"userName\":true}").post("/scim/v2/Users")
                .then().statusCode(400).body("detail", containsString("userName"));
    }

    @Test
    void everyScimStringIsCheckedEvenWhereTheDisplayNameDoesNotNeedIt() {
        scim().body("{\"schemas\":[123],\"userName\":\"" + unique("sch") + "\",\"displayName\":\"Zoé\"}").post("/scim/v2/Users")
                .then().statusCode(400).body("scimType", equalTo("invalidValue")).body("detail", containsString("schemas[0]"));
        scim().body("{\"userName\":\"" + unique("giv") + "\",\"displayName\":\"Zoé\",\"name\":{\"givenName\":true}}")
                .post("/scim/v2/Users")
                .then().statusCode(400).body("scimType", equalTo("invalidValue")).body("detail", containsString("name.givenName"));
    }

    /**
     * A multi-valued or complex attribute of another shape is refused naming it, as a string given a number is: before,
     * {@code "emails": {"value": …}} (an object, not a list) was read as no address, so a PUT silently cleared the
     * person's e-mail, and {@code "addresses": [5]} was accepted.
     */
    @Test
    void scimAttributesOfAnotherShapeAreRefusedNamingThemAndNothingChanges() {
        String login = unique("shape");
        scim().body("{\"userName\":\"" + login + "\",\"emails\":[{\"value\":\"" + login + "@relais.example\"}]}")
                .post("/scim/v2/Users").then().statusCode(201);

        scim().body("{\"userName\":\"" + login + "\",\"emails\":{\"value\":\"" + login + "@relais.example\"}}")
                .put("/scim/v2/Users/{id}", login)
                .then().statusCode(400).body("scimType", equalTo("invalidValue")).body("detail", containsString("emails"));
        scim().body("{\"userName\":\"" + login + "\",\"addresses\":[5]}").put("/scim/v2/Users/{id}", login)
                .then().statusCode(400).body("scimType", equalTo("invalidValue")).body("detail", containsString("addresses[0]"));
        scim().body("{\"userName\":\"" + login + "\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":\"Sales\"}")
                .put("/scim/v2/Users/{id}", login)
                .then().statusCode(400).body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"));

        scim().get("/scim/v2/Users/{id}", login).then().statusCode(200).body("emails[0].value", equalTo(login + "@relais.example"));
    }

    /**
     * A PATCH whose path names a sub-attribute of an attribute an earlier operation made a plain value (or a filter on
     * an attribute that is no list) is a 400 naming the attribute, never a 500; nothing is stored.
     */
    @Test
    void aScimPatchThroughAnAttributeOfAnotherShapeIsRefusedNamingItNeverA500() {
        String login = unique("patch");
        scim().body("{\"userName\":\"" + login + "\",\"title\":\"Buyer\"}").post("/scim/v2/Users").then().statusCode(201);
        String ops = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[%s]}";

        scim().body(ops.formatted("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"},"
                        + "{\"op\":\"replace\",\"path\":\"name\",\"value\":\"x\"},"
                        + "{\"op\":\"replace\",\"path\":\"name.formatted\",\"value\":\"Zoé\"}"))
                .patch("/scim/v2/Users/{id}", login)
                .then().statusCode(400).body("scimType", equalTo("invalidValue")).body("detail", containsString("name"));
        scim().body(ops.formatted("{\"op\":\"replace\",\"path\":\"emails\",\"value\":\"x\"},"
                        + "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"z@relais.example\"}"))
                .patch("/scim/v2/Users/{id}", login)
                .then().statusCode(400).body("scimType", equalTo("invalidValue")).body("detail", containsString("emails"));

        scim().get("/scim/v2/Users/{id}", login).then().statusCode(200).body("title", equalTo("Buyer"));
    }

    /**
     * A profile's login follows the one login rule whichever way it starts, a first sign-in included: an identity
     * provider that admits other user names (a space, markup, a slash, an accent, a leading dash) gets a 403 naming
     * {@code login} and no profile. Before, such a token started a profile HR and SCIM could never name (and mentions
     * never reach), or answered 500 where the name could not be an IRI.
     */
    @Test
    void aSignInNameOutsideTheLoginRuleGetsNoProfileAndNeverA500() {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        String suffix = unique("");
        for (String name : new String[]{"x<y>" + suffix, "jean dupont" + suffix, "a/b" + suffix, "élodie" + suffix, "-dash" + suffix}) {
            String token = employee(name);
            as(token).get("/api/people/me").then().statusCode(403).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("login")).body("errors[0].message", containsString("must be a login"));
            as(token).body("{\"bio\":\"hello\"}").patch("/api/people/me").then().statusCode(403)
                    .body("errors[0].field", equalTo("login"));
            given().auth().oauth2(token).contentType("image/png").body(png).put("/api/people/me/photo").then().statusCode(403)
                    .body("errors[0].field", equalTo("login"));
            given().auth().oauth2(token).get("/api/people/me/export").then().statusCode(403)
                    .body("errors[0].field", equalTo("login"));
            as(token).put("/api/people/{login}/skills/{skill}/endorsements/mine", "alice", "java").then().statusCode(403)
                    .body("errors[0].field", equalTo("login"));
        }
        as(employee("alice")).get("/api/people/{login}", "élodie" + suffix).then().statusCode(404);
        as(employee("alice")).get("/api/people/{login}", "-dash" + suffix).then().statusCode(404);
    }

    /**
     * {@code /api/people/me} is each caller's own profile, so {@code me} (in any case) is nobody's login: SCIM refuses
     * it (400 invalidValue naming userName), an HR event naming it (as the person or as a manager) is dead-lettered
     * naming the field, and a sign-in name {@code me} gets a 403 naming {@code login}, as any name outside the rule.
     * Before, SCIM and HR created a person {@code me} whom colleagues could never open ({@code GET /api/people/me}
     * answered their own profile) and whose export an administrator could not take (they got their own).
     */
    @Test
    void meIsNobodysLoginSoApiPeopleMeAlwaysMeansTheCaller() {
        scim().body("{\"userName\":\"Me\",\"displayName\":\"Someone called me\"}").post("/scim/v2/Users").then()
                .statusCode(400).body("scimType", equalTo("invalidValue")).body("detail", containsString("userName"))
                .body("detail", containsString("/api/people/me"));
        scim().get("/scim/v2/Users/{id}", "me").then().statusCode(404);

        var hire = hr("employee.hired", "me").with("displayName", "Someone called me").publish();
        String reports = unique("reports");
        var named = hr("employee.hired", reports).with("manager", "ME").publish();
        for (var event : java.util.List.of(hire, named)) {
            String subject = event.activity().object().id();
            io.relais.testing.KafkaProbe.awaitRecords(io.relais.events.Topics.ACTIVITIES_DLQ,
                    r -> subject.equals(io.relais.testing.KafkaProbe.header(r, "ce_subject"))
                            && String.valueOf(io.relais.testing.KafkaProbe.header(r, "dead-letter-reason")).contains("/api/people/me"),
                    1, WAIT);
        }
        as(employee("alice")).get("/api/people/{login}", reports).then().statusCode(404);

        as(employee("me")).get("/api/people/me").then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", equalTo("login")).body("errors[0].message", containsString("/api/people/me"));
        as(employee("alice")).get("/api/people/me").then().statusCode(200).body("login", equalTo("alice"));
        scim().get("/scim/v2/Users/{id}", "me").then().statusCode(404);
    }

    @Test
    void anOversizedScimBodyIsRefusedBeforeItIsRead() {
        String padding = "x".repeat(70 * 1024);
        scim().body("{\"userName\":\"" + unique("big") + "\",\"title\":\"" + padding + "\"}").post("/scim/v2/Users")
                .then().statusCode(413).body("detail", containsString("64 KiB"));
    }

    @Test
    void scimUserNamesFollowTheOneLoginRule() {
        String email = unique("x1") + "@corp.example";
        String plus = unique("a") + "+b";
        scim().body("{\"userName\":\"" + email.toUpperCase() + "\"}").post("/scim/v2/Users").then().statusCode(201)
                .body("userName", equalTo(email));
        scim().body("{\"userName\":\"" + plus + "\"}").post("/scim/v2/Users").then().statusCode(201);
        for (String bad : new String[]{"a@b@c.example", "alice.", "-bob", "al ice"}) {
            scim().body("{\"userName\":\"" + bad + "\"}").post("/scim/v2/Users").then().statusCode(400)
                    .body("detail", containsString("login"));
        }
    }

    @Test
    void anHrDisplayNameIsCleanedBeforeItIsStored() {
        String zoe = unique("zoe");
        hr("employee.hired", zoe).with("displayName", DIRTY_NAME).with("title", "Buyer\u202E").publish();
        await().atMost(WAIT).untilAsserted(() -> as(employee("alice")).get("/api/people/{login}", zoe).then()
                .statusCode(200).body("displayName", equalTo(CLEAN_NAME)).body("title", equalTo("Buyer")));
    }
}
