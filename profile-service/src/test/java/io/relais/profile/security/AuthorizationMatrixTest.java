package io.relais.profile.security;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.businessSystem;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.hrSystem;
import static io.relais.profile.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every endpoint against every kind of caller: no token, an employee (who is not the profile's owner),
 * the business systems without the SCIM role (CRM, ECM), the HR system (connector + provisioning), and an
 * administrator without the employee role.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class AuthorizationMatrixTest {

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    static final String SCIM = "application/scim+json";

    String target;
    final String colleague = employee(unique("colleague"));
    final String crm = businessSystem("crm-connector");
    final String ecm = businessSystem("ecm-connector");
    final String hr = hrSystem();
    final String admin = TestTokens.user(unique("root"), "admin");

    @BeforeEach
    void aTargetWithASkillAndAPhoto() {
        target = unique("target");
        as(employee(target)).body("{\"skills\":[\"Java\"]}").patch("/api/people/me").then().statusCode(200);
        given().auth().oauth2(employee(target)).contentType("image/png").body(PNG).put("/api/people/me/photo").then().statusCode(200);
    }

    record Call(String method, String path, String contentType, Supplier<Object> body) {
    }

    /** Expected statuses per caller, in the order anonymous, employee, crm, ecm, hr, admin. */
    void check(Call call, int anon, int employee, int crmStatus, int ecmStatus, int hrStatus, int adminStatus) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("anonymous", anon);
        expected.put("employee", employee);
        expected.put("crm", crmStatus);
        expected.put("ecm", ecmStatus);
        expected.put("hr", hrStatus);
        expected.put("admin", adminStatus);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("employee", colleague);
        tokens.put("crm", crm);
        tokens.put("ecm", ecm);
        tokens.put("hr", hr);
        tokens.put("admin", admin);
        Map<String, Integer> actual = new LinkedHashMap<>();
        tokens.forEach((who, token) -> {
            RequestSpecification spec = token == null ? given() : given().auth().oauth2(token);
            if (call.contentType() != null) {
                Object body = call.body().get();
                spec.contentType(call.contentType());
                if (body instanceof byte[] bytes) spec.body(bytes);
                else spec.body((String) body);
            }
            actual.put(who, spec.request(call.method(), call.path()).statusCode());
        });
        assertThat(actual).as(call.method() + " " + call.path()).isEqualTo(expected);
    }

    /** For endpoints outside SCIM: every business system (crm, ecm, hr) is expected to get the same status. */
    void check(Call call, int anon, int employee, int connectorStatus, int adminStatus) {
        check(call, anon, employee, connectorStatus, connectorStatus, connectorStatus, adminStatus);
    }

    Call call(String method, String path) {
        return new Call(method, path, null, null);
    }

    Call call(String method, String path, String contentType, Supplier<Object> body) {
        return new Call(method, path, contentType, body);
    }

    @Test
    void profileEndpoints() {
        check(call("GET", "/api/people/me"), 401, 200, 403, 200);
        check(call("PATCH", "/api/people/me", "application/json", () -> "{\"bio\":\"hello\"}"), 401, 200, 403, 403);
        check(call("GET", "/api/people/" + target), 401, 200, 403, 200);
        check(call("PATCH", "/api/people/" + target, "application/json", () -> "{\"title\":\"Engineer\"}"), 401, 403, 403, 200);
        check(call("PUT", "/api/people/me/photo", "image/png", () -> PNG), 401, 200, 403, 403);
        check(call("GET", "/api/people/" + target + "/photo"), 401, 200, 403, 200);
    }

    @Test
    void directoryAndOrgChartEndpoints() {
        check(call("GET", "/api/people?skill=java"), 401, 200, 403, 200);
        check(call("GET", "/api/people/" + target + "/manager-chain"), 401, 200, 403, 200);
        check(call("GET", "/api/people/" + target + "/reports"), 401, 200, 403, 200);
        check(call("GET", "/api/departments/Data/members"), 401, 200, 403, 200);
    }

    @Test
    void expertiseEndpoints() {
        String endorsement = "/api/people/" + target + "/skills/Java/endorsements/mine";
        check(call("PUT", endorsement), 401, 200, 403, 403);
        check(call("DELETE", endorsement), 401, 200, 403, 403);
        check(call("GET", "/api/expertise?skill=java"), 401, 200, 403, 200);
    }

    @Test
    void scimIsOnlyForTheProvisioningSystemAndAdministrators() {
        check(call("GET", "/scim/v2/Users"), 401, 403, 403, 403, 200, 200);
        check(call("GET", "/scim/v2/Users/" + target), 401, 403, 403, 403, 200, 200);
        check(call("POST", "/scim/v2/Users", SCIM, () -> "{\"userName\":\"" + unique("new") + "\"}"), 401, 403, 403, 403, 201, 201);
        check(call("PUT", "/scim/v2/Users/" + target, SCIM, () -> "{\"userName\":\"" + target + "\",\"title\":\"Dev\"}"),
                401, 403, 403, 403, 200, 200);
        check(call("PATCH", "/scim/v2/Users/" + target, SCIM, () -> "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]}"), 401, 403, 403, 403, 200, 200);
        check(call("GET", "/scim/v2/ServiceProviderConfig"), 401, 403, 403, 403, 200, 200);
        check(call("GET", "/scim/v2/Schemas"), 401, 403, 403, 403, 200, 200);
    }

    @Test
    void onlyTheProvisioningSystemAndAdministratorsEraseSomeone() {
        String a = unique("gone");
        String b = unique("gone");
        as(hr).contentType(SCIM).body("{\"userName\":\"" + a + "\"}").post("/scim/v2/Users").then().statusCode(201);
        as(hr).contentType(SCIM).body("{\"userName\":\"" + b + "\"}").post("/scim/v2/Users").then().statusCode(201);
        Map<String, Integer> deletes = new LinkedHashMap<>();
        deletes.put("anonymous", given().delete("/scim/v2/Users/" + a).statusCode());
        deletes.put("employee", given().auth().oauth2(colleague).delete("/scim/v2/Users/" + a).statusCode());
        deletes.put("crm", given().auth().oauth2(crm).delete("/scim/v2/Users/" + a).statusCode());
        deletes.put("ecm", given().auth().oauth2(ecm).delete("/scim/v2/Users/" + a).statusCode());
        deletes.put("hr", given().auth().oauth2(hr).delete("/scim/v2/Users/" + a).statusCode());
        deletes.put("admin", given().auth().oauth2(admin).delete("/scim/v2/Users/" + b).statusCode());
        assertThat(deletes).containsExactlyInAnyOrderEntriesOf(
                Map.of("anonymous", 401, "employee", 403, "crm", 403, "ecm", 403, "hr", 204, "admin", 204));
    }

    @Test
    void aRefusedBusinessSystemLearnsNothingAboutPeople() {
        given().auth().oauth2(crm).get("/scim/v2/Users").then().statusCode(403)
                .contentType(org.hamcrest.Matchers.startsWith(SCIM))
                .body("detail", org.hamcrest.Matchers.containsString("provisioning"))
                .body("Resources", org.hamcrest.Matchers.nullValue())
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(target)));
    }

    @Test
    void anotherEmployeeCannotChangeMyProfileByAnyRoute() {
        as(colleague).body("{\"bio\":\"pwned\",\"title\":\"CEO\"}").patch("/api/people/{login}", target).then().statusCode(403);
        as(colleague).contentType(SCIM).body("{\"userName\":\"" + target + "\",\"title\":\"CEO\"}")
                .put("/scim/v2/Users/{id}", target).then().statusCode(403);
        as(colleague).delete("/scim/v2/Users/{id}", target).then().statusCode(403);
        as(employee("alice")).get("/api/people/{login}", target).then().statusCode(200)
                .body("bio", org.hamcrest.Matchers.nullValue()).body("title", org.hamcrest.Matchers.nullValue())
                .body("skills[0].name", equalTo("Java"));
    }

    @Test
    void healthAndTheApiDescriptionArePublic() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/people/me'.patch.summary", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/scim/v2/Users'.post.summary", org.hamcrest.Matchers.notNullValue());
    }
}
