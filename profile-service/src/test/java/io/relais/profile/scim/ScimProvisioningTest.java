package io.relais.profile.scim;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static io.relais.profile.Fixtures.admin;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.hrSystem;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.snapshots;
import static io.relais.profile.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ScimProvisioningTest {

    static final String SCIM = "application/scim+json";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static RequestSpecification scim(String token) {
        return given().auth().oauth2(token).contentType(SCIM).accept(SCIM);
    }

    static String user(String login, String name, String title, String department, String manager) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],
                 "userName":"%s","externalId":"wd-%s","name":{"givenName":"%s","familyName":"Durand"},
                 "title":"%s","emails":[{"value":"%s@relais.example","type":"work","primary":true}],
                 "addresses":[{"type":"work","locality":"Nantes"}],"active":true,
                 "%s":{"department":"%s"%s}}""".formatted(ENTERPRISE, login, login, name, title, login, ENTERPRISE,
                department, manager == null ? "" : ",\"manager\":{\"value\":\"" + manager + "\"}");
    }

    /**
     * Connectors name people by e-mail address: two profiles sharing one credited one person's activity to the other.
     * A second holder is refused (409 uniqueness), whatever the case of the address, on create and on PATCH.
     */
    @Test
    void twoPeopleNeverShareAnEmailAddress() {
        String ann = unique("ann"), ben = unique("ben");
        scim(hrSystem()).body(user(ann, "Ann", "Buyer", "Purchasing", null)).post("/scim/v2/Users").then().statusCode(201);
        String bensUser = user(ben, "Ben", "Buyer", "Purchasing", null)
                .replace(ben + "@relais.example", ann.toUpperCase(java.util.Locale.ROOT) + "@Relais.example");
        scim(hrSystem()).body(bensUser).post("/scim/v2/Users").then().statusCode(409).contentType(SCIM)
                .body("scimType", equalTo("uniqueness")).body("detail", containsString("emails")).body("detail", containsString(ann));
        scim(hrSystem()).get("/scim/v2/Users/{id}", ben).then().statusCode(404);

        scim(hrSystem()).body(user(ben, "Ben", "Buyer", "Purchasing", null)).post("/scim/v2/Users").then().statusCode(201);
        scim(hrSystem()).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"emails[type eq \\"work\\"].value","value":"%s@relais.example"}]}"""
                .formatted(ann)).patch("/scim/v2/Users/{id}", ben).then().statusCode(409).body("scimType", equalTo("uniqueness"));
        scim(hrSystem()).get("/scim/v2/Users/{id}", ben).then().statusCode(200)
                .body("emails[0].value", equalTo(ben + "@relais.example"));
        // the holder may write her own address again, in another case
        scim(hrSystem()).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"emails[type eq \\"work\\"].value","value":"%s@RELAIS.example"}]}"""
                .formatted(ann)).patch("/scim/v2/Users/{id}", ann).then().statusCode(200);
    }

    /**
     * A profile only an HR move started is nobody yet (hr.HrLifecycleTest): SCIM provisioning creates the person
     * (201), it is not a User that already exists. Before, the move's skeleton answered 409 uniqueness here.
     */
    @Test
    void provisioningCreatesAPersonWhoseMoveCameFirst() {
        String rem = unique("rem");
        var move = io.relais.profile.Fixtures.hr("employee.moved", rem).with("location", "Brest").publish();
        String marker = unique("marker");
        io.relais.profile.Fixtures.hr("employee.hired", marker).with("title", "Marker").publishAfter(move);
        org.awaitility.Awaitility.await().atMost(io.relais.profile.Fixtures.WAIT).untilAsserted(() ->
                as(employee("alice")).get("/api/people/{login}", marker).then().statusCode(200));
        scim(hrSystem()).get("/scim/v2/Users/{id}", rem).then().statusCode(404);

        scim(hrSystem()).body(user(rem, "Rémi", "Porter", "Logistics", null)).post("/scim/v2/Users").then().statusCode(201)
                .body("userName", equalTo(rem)).body("title", equalTo("Porter")).body("active", equalTo(true));
        as(employee("alice")).get("/api/people/{login}", rem).then().statusCode(200).body("title", equalTo("Porter"));
        snapshots(rem, 1, r -> r.value() != null && r.value().contains("Porter"));
    }

    @Test
    void createGetFilterPatchAndDeleteRoundTripEndsWithTheDeleteOfThePerson() {
        String paul = unique("paul");
        String boss = unique("boss");
        scim(hrSystem()).body(user(boss, "Rita", "Head of legal", "Legal", null)).post("/scim/v2/Users").then().statusCode(201);

        scim(hrSystem()).body(user(paul, "Paul", "Paralegal", "Legal", boss)).post("/scim/v2/Users")
                .then().statusCode(201).contentType(SCIM)
                .header("Location", endsWith("/scim/v2/Users/" + paul))
                .body("id", equalTo(paul)).body("userName", equalTo(paul)).body("displayName", equalTo("Paul Durand"))
                .body("active", equalTo(true)).body("meta.resourceType", equalTo("User"))
                .body("'" + ENTERPRISE + "'.manager.value", equalTo(boss));

        scim(hrSystem()).get("/scim/v2/Users/{id}", paul).then().statusCode(200)
                .body("title", equalTo("Paralegal")).body("emails[0].value", equalTo(paul + "@relais.example"))
                .body("addresses[0].locality", equalTo("Nantes")).body("externalId", equalTo("wd-" + paul));
        as(employee("alice")).get("/api/people/{login}", paul).then().statusCode(200)
                .body("department", equalTo("Legal")).body("manager", equalTo(boss)).body("location", equalTo("Nantes"));
        // the snapshot carries the manager's login: connector-service's PeopleDirectory reads relais.managerLogin
        // to refuse an HR move that would close a reporting loop (HrConnectorTest)
        snapshots(paul, 1, r -> r.value() != null && boss.equals(io.relais.events.ActivityJson.read(r.value()).object()
                .relais().get("managerLogin")) && (paul + "@relais.example").equals(io.relais.events.ActivityJson.read(r.value()).object().relais().get("email")));

        scim(hrSystem()).queryParam("filter", "userName eq \"" + paul + "\"").get("/scim/v2/Users").then().statusCode(200)
                .body("schemas", contains("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(paul));

        scim(hrSystem()).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"replace","path":"title","value":"Legal counsel"},
                  {"op":"replace","path":"%s:department","value":"Compliance"},
                  {"op":"remove","path":"%s:manager"}]}""".formatted(ENTERPRISE, ENTERPRISE))
                .patch("/scim/v2/Users/{id}", paul).then().statusCode(200)
                .body("title", equalTo("Legal counsel")).body("'" + ENTERPRISE + "'.department", equalTo("Compliance"))
                .body("'" + ENTERPRISE + "'.manager", nullValue());
        as(employee("alice")).get("/api/people/{login}/reports", boss).then().body("login", org.hamcrest.Matchers.not(hasItem(paul)));
        snapshots(paul, 1, r -> r.value() != null && r.value().contains("\"title\":\"Legal counsel\""));

        scim(hrSystem()).delete("/scim/v2/Users/{id}", paul).then().statusCode(204);

        scim(hrSystem()).get("/scim/v2/Users/{id}", paul).then().statusCode(404)
                .body("schemas", contains("urn:ietf:params:scim:api:messages:2.0:Error")).body("status", equalTo("404"));
        as(employee("alice")).get("/api/people/{login}", paul).then().statusCode(404);
        snapshots(paul, 1, r -> r.value() != null && r.value().contains("\"type\":\"Delete\""));
    }

    @Test
    void aPatchSettingActiveFalseMarksThePersonLeft() {
        String rose = unique("rose");
        scim(hrSystem()).body(user(rose, "Rose", "Buyer", "Purchasing", null)).post("/scim/v2/Users").then().statusCode(201);
        scim(hrSystem()).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""")
                .patch("/scim/v2/Users/{id}", rose).then().statusCode(200).body("active", equalTo(false));
        as(employee("alice")).get("/api/people/{login}", rose).then().body("status", equalTo("left"));
    }

    /**
     * Whether someone works here is a lifecycle fact HR owns: a leaver becomes active again only when HR says so
     * ({@code active: true}, or a rehire). A SCIM replace that leaves {@code active} out (a provisioning tool sending
     * the attributes it maps, a title correction) keeps the status as it is. Before, it read as {@code active: true}
     * and put the leaver back in the directory and their manager's reports.
     */
    @Test
    void aReplaceWithoutActiveNeverBringsALeaverBack() {
        String lea = unique("lea");
        scim(hrSystem()).body(user(lea, "Lea", "Buyer", "Purchasing", null)).post("/scim/v2/Users").then().statusCode(201);
        io.relais.profile.Fixtures.hr("employee.left", lea).with("leftDate", "2026-03-31").publish();
        org.awaitility.Awaitility.await().atMost(io.relais.profile.Fixtures.WAIT).untilAsserted(() ->
                as(employee("alice")).get("/api/people/{login}", lea).then().body("status", equalTo("left")));

        scim(hrSystem()).body(user(lea, "Lea", "Senior buyer", "Purchasing", null).replace("\"active\":true,", ""))
                .put("/scim/v2/Users/{id}", lea).then().statusCode(200).body("active", equalTo(false))
                .body("title", equalTo("Senior buyer"));
        scim(hrSystem()).body(user(lea, "Lea", "Senior buyer", "Purchasing", null).replace("\"active\":true", "\"active\":null"))
                .put("/scim/v2/Users/{id}", lea).then().statusCode(200).body("active", equalTo(false));
        as(employee("alice")).get("/api/people/{login}", lea).then().body("status", equalTo("left"))
                .body("leftDate", equalTo("2026-03-31"));
        as(employee("alice")).queryParam("department", "Purchasing").get("/api/people").then().statusCode(200)
                .body("items.login", org.hamcrest.Matchers.not(hasItem(lea)));

        // HR saying so is what brings someone back
        scim(hrSystem()).body(user(lea, "Lea", "Senior buyer", "Purchasing", null)).put("/scim/v2/Users/{id}", lea)
                .then().statusCode(200).body("active", equalTo(true));
        as(employee("alice")).get("/api/people/{login}", lea).then().body("status", equalTo("active"));
    }

    @Test
    void aReplaceKeepsWhatThePersonWroteThemselves() {
        String sam = unique("sam");
        scim(admin()).body(user(sam, "Sam", "Analyst", "Finance", null)).post("/scim/v2/Users").then().statusCode(201);
        as(employee(sam)).body("{\"bio\":\"Spreadsheets\",\"skills\":[\"Excel\"]}").patch("/api/people/me").then().statusCode(200);

        scim(admin()).body(user(sam, "Sam", "Senior analyst", "Finance", null)).put("/scim/v2/Users/{id}", sam)
                .then().statusCode(200).body("title", equalTo("Senior analyst"));

        as(employee("alice")).get("/api/people/{login}", sam).then()
                .body("bio", equalTo("Spreadsheets")).body("skills.name", contains("Excel"));
    }

    @Test
    void errorsComeInScimsOwnFormat() {
        String tom = unique("tom");
        scim(hrSystem()).body(user(tom, "Tom", "Clerk", "Ops", null)).post("/scim/v2/Users").then().statusCode(201);

        scim(hrSystem()).body(user(tom, "Tom", "Clerk", "Ops", null)).post("/scim/v2/Users").then().statusCode(409)
                .contentType(SCIM).body("scimType", equalTo("uniqueness")).body("status", equalTo("409"));
        scim(hrSystem()).body("{not json").post("/scim/v2/Users").then().statusCode(400).body("scimType", equalTo("invalidSyntax"));
        scim(hrSystem()).queryParam("filter", "title co \"x\"").get("/scim/v2/Users").then().statusCode(400)
                .body("scimType", equalTo("invalidFilter"));
        for (String paging : new String[] {"startIndex", "count"}) {
            scim(hrSystem()).queryParam(paging, "abc").get("/scim/v2/Users").then().statusCode(400).contentType(SCIM)
                    .body("scimType", equalTo("invalidValue")).body("detail", startsWith(paging + " must be an integer"));
        }
        scim(hrSystem()).queryParam("startIndex", "2").queryParam("count", "1").get("/scim/v2/Users").then().statusCode(200)
                .body("startIndex", equalTo(2)).body("itemsPerPage", equalTo(1));
        scim(hrSystem()).body(user(unique("bad"), "Bad", "X", "Ops", "not a login!")).post("/scim/v2/Users").then()
                .statusCode(400).body("scimType", equalTo("invalidValue"))
                .body("detail", containsString(ENTERPRISE + ":manager"));
        scim(employee("alice")).get("/scim/v2/Users/{id}", tom).then().statusCode(403)
                .body("schemas", contains("urn:ietf:params:scim:api:messages:2.0:Error"));
    }

    @Test
    void anAttributeGivenTwiceIsRefusedNamingItAndNothingIsCreated() {
        String first = unique("ann");
        String second = unique("ben");
        scim(hrSystem()).body("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + first
                        + "\",\"userName\":\"" + second + "\"}")
                .post("/scim/v2/Users").then().statusCode(400).contentType(SCIM)
                .body("schemas", contains("urn:ietf:params:scim:api:messages:2.0:Error"))
                .body("status", equalTo("400")).body("scimType", equalTo("invalidSyntax"))
                .body("detail", startsWith("userName is given twice"));
        scim(hrSystem()).get("/scim/v2/Users/{id}", second).then().statusCode(404);
        scim(hrSystem()).get("/scim/v2/Users/{id}", first).then().statusCode(404);
    }

    @Test
    void aBodyThatIsNotJsonIsToldWhereInWordsWithoutParserInternals() {
        String body = "{\"userName\":\"a\"";
        String detail = scim(hrSystem()).body(body).post("/scim/v2/Users").then().statusCode(400).contentType(SCIM)
                .body("scimType", equalTo("invalidSyntax")).extract().path("detail");
        assertThat(detail).isEqualTo("the body is not valid JSON: it ends before the object is closed (line 1, column 16)");
        String other = scim(hrSystem()).body("{\"userName\" \"a\"}").post("/scim/v2/Users").then().statusCode(400)
                .extract().path("detail");
        assertThat(other).isEqualTo("the body is not valid JSON: a colon (:) must follow a field name (line 1, column 13)")
                .doesNotContain("Source", "REDACTED", "StreamReadFeature", "marker", "code");
    }

    @Test
    void aManagerThatWouldCreateACycleIsRefused() {
        String a = unique("uma");
        String b = unique("vic");
        scim(hrSystem()).body(user(a, "Uma", "VP", "Ops", null)).post("/scim/v2/Users").then().statusCode(201);
        scim(hrSystem()).body(user(b, "Vic", "Lead", "Ops", a)).post("/scim/v2/Users").then().statusCode(201);

        scim(hrSystem()).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"add","path":"%s:manager","value":{"value":"%s"}}]}""".formatted(ENTERPRISE, b))
                .patch("/scim/v2/Users/{id}", a).then().statusCode(400).contentType(SCIM)
                .body("scimType", equalTo("invalidValue")).body("detail", containsString("cycle"));
    }

    /**
     * RFC 7644 §3.5.2: a path names an attribute and at most one sub-attribute ({@code attrPath = [URI ":"] ATTRNAME
     * *1subAttr}); a deeper one is malformed, 400 {@code invalidPath}, nothing stored. Before, {@code name.formatted.x}
     * answered 200 and was silently ignored.
     */
    @Test
    void aPatchPathDeeperThanOneSubAttributeIsRefusedAsInvalidPath() {
        String ula = unique("ula");
        scim(hrSystem()).body(user(ula, "Ula", "Clerk", "Ops", null)).post("/scim/v2/Users").then().statusCode(201);
        for (String path : new String[] {"name.formatted.x", ENTERPRISE + ":manager.value.x"}) {
            scim(hrSystem()).body("""
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                      {"op":"replace","path":"title","value":"Boss"},
                      {"op":"replace","path":"%s","value":"X"}]}""".formatted(path))
                    .patch("/scim/v2/Users/{id}", ula).then().statusCode(400).contentType(SCIM)
                    .body("scimType", equalTo("invalidPath")).body("detail", containsString(path));
        }
        scim(hrSystem()).get("/scim/v2/Users/{id}", ula).then().statusCode(200).body("title", equalTo("Clerk"));
    }

    /**
     * RFC 7643 §4.3 makes the enterprise {@code manager} complex ({@code value}, {@code $ref}, {@code displayName});
     * Microsoft Entra ID's provisioning sends it as a bare string in its PATCH operations, which is read as the
     * manager's userName (a documented lenience); anything else that is not an object is 400 {@code invalidValue}.
     */
    @Test
    void aManagerGivenAsABareStringIsReadAsTheManagersUserName() {
        String boss = unique("bo");
        String wes = unique("wes");
        scim(hrSystem()).body(user(boss, "Bo", "Head", "Ops", null)).post("/scim/v2/Users").then().statusCode(201);
        scim(hrSystem()).body(user(wes, "Wes", "Clerk", "Ops", null)).post("/scim/v2/Users").then().statusCode(201);
        // how Microsoft Entra ID's provisioning sends it
        scim(hrSystem()).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"Add","path":"%s:manager","value":"%s"}]}""".formatted(ENTERPRISE, boss))
                .patch("/scim/v2/Users/{id}", wes).then().statusCode(200);
        scim(hrSystem()).get("/scim/v2/Users/{id}", wes).then().statusCode(200)
                .body("'" + ENTERPRISE + "'.manager.value", equalTo(boss));
        scim(hrSystem()).body("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"add","path":"%s:manager","value":42}]}""".formatted(ENTERPRISE))
                .patch("/scim/v2/Users/{id}", wes).then().statusCode(400).contentType(SCIM)
                .body("scimType", equalTo("invalidValue")).body("detail", containsString(ENTERPRISE + ":manager"));
    }

    /**
     * RFC 7644 §3.4.2.4: startIndex is a 1-based integer (below 1 reads as 1) and count a non-negative one the service
     * may answer fewer than. A startIndex beyond the largest this service pages to is refused saying the range; a huge
     * count is simply capped. Before, 99999999999999 was told "startIndex must be an integer", which it is.
     */
    @Test
    void aStartIndexBeyondTheLargestIsRefusedSayingTheRangeAndAHugeCountIsCapped() {
        scim(hrSystem()).queryParam("startIndex", "99999999999999").get("/scim/v2/Users").then().statusCode(400)
                .contentType(SCIM).body("scimType", equalTo("invalidValue"))
                .body("detail", equalTo("startIndex must be an integer between 1 and 2147483647"));
        scim(hrSystem()).queryParam("startIndex", "-99999999999999").queryParam("count", "99999999999999")
                .get("/scim/v2/Users").then().statusCode(200).body("startIndex", equalTo(1))
                .body("itemsPerPage", org.hamcrest.Matchers.lessThanOrEqualTo(ScimResource.MAX_COUNT));
        scim(hrSystem()).queryParam("count", "-99999999999999").get("/scim/v2/Users").then().statusCode(200)
                .body("itemsPerPage", equalTo(0));
    }

    @Test
    void serviceProviderConfigAndSchemasDescribeTheService() {
        scim(hrSystem()).get("/scim/v2/ServiceProviderConfig").then().statusCode(200)
                .body("patch.supported", equalTo(true)).body("filter.supported", equalTo(true));
        scim(hrSystem()).get("/scim/v2/Schemas").then().statusCode(200)
                .body("Resources.id", hasItem(ENTERPRISE));
    }
}
