package io.relais.profile.hygiene;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static io.relais.profile.Fixtures.admin;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Path parameters get the one text-hygiene rule (SECURITY.md §4, {@code TextHygiene.line}) before they are compared
 * or echoed: a skill, a login or a department typed with a NUL, a right-to-left override or a zero-width space names
 * the clean value, and no problem detail or instance quotes such a character back (a crafted link could otherwise
 * make an error read reversed).
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class PathParameterHygieneTest {

    /** What {@code TextHygiene.line} removes: control characters, bidi embeddings, overrides and isolates, invisibles. */
    static final Pattern UNCLEAN = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069\\u200B\\u2060\\uFEFF\\u180E]");

    static final String ENDORSEMENT = "/api/people/%s/skills/%s/endorsements/mine";

    /** The caller's request with the path sent exactly as written: the percent-escapes are the test's input. */
    static RequestSpecification raw(String token) {
        return as(token).urlEncodingEnabled(false);
    }

    static void skills(String login, String... skills) {
        as(employee(login)).body("{\"skills\":[\"" + String.join("\",\"", skills) + "\"]}").patch("/api/people/me")
                .then().statusCode(200);
    }

    @Test
    void aSkillWithAnOverrideOrANulInItsPathIsTheCleanSkill() {
        String kai = unique("kai");
        String lou = unique("lou");
        skills(kai, "Kafka");

        raw(employee(lou)).put(ENDORSEMENT.formatted(kai, "Ka%E2%80%AEfka")).then().statusCode(200)
                .body("skill", equalTo("Kafka")).body("endorsements", equalTo(1)).body("endorsedByMe", equalTo(true));
        raw(employee(lou)).put(ENDORSEMENT.formatted(kai, "Ka%E2%80%8Bfka%00")).then().statusCode(200)
                .body("endorsements", equalTo(1));
        as(employee("alice")).get("/api/people/{login}", kai).then()
                .body("skills.find { it.name == 'Kafka' }.endorsements", equalTo(1));

        raw(employee(lou)).delete(ENDORSEMENT.formatted(kai, "Ka%00fka")).then().statusCode(200)
                .body("skill", equalTo("Kafka")).body("endorsements", equalTo(0)).body("endorsedByMe", equalTo(false));
    }

    @Test
    void anUnknownSkillIsRefusedWithoutEchoingTheOverride() {
        String pia = unique("pia");
        skills(pia, "SQL");

        var problem = raw(employee("alice")).put(ENDORSEMENT.formatted(pia, "CO%E2%80%AEBOL%00")).then().statusCode(404)
                .contentType("application/problem+json").extract();

        assertClean(problem);
        assertThat(problem.<String>path("detail")).isEqualTo("skill 'COBOL' on the profile of " + pia + " does not exist");
        assertThat(problem.<String>path("instance")).isEqualTo(ENDORSEMENT.formatted(pia, "COBOL"));
    }

    @Test
    void anUnknownPersonIsRefusedWithoutEchoingTheOverride() {
        var problem = raw(employee("alice")).get("/api/people/no%E2%80%AEbody%00").then().statusCode(404)
                .contentType("application/problem+json").extract();

        assertClean(problem);
        assertThat(problem.<String>path("detail")).isEqualTo("person nobody does not exist");
        assertThat(problem.<String>path("instance")).isEqualTo("/api/people/nobody");
    }

    @Test
    void aDepartmentWithAZeroWidthSpaceInItsPathListsTheCleanDepartment() {
        String dept = unique("Achats");
        String ana = unique("ana");
        as(employee(ana)).get("/api/people/me").then().statusCode(200);
        as(admin()).body("{\"department\":\"" + dept + "\"}").patch("/api/people/{login}", ana).then().statusCode(200);

        raw(employee("alice")).get("/api/departments/" + dept.substring(0, 3) + "%E2%80%8B%E2%80%AE" + dept.substring(3) + "/members")
                .then().statusCode(200).body("items.login", contains(ana));
    }

    @Test
    void aSkillWithAnOverrideInTheDirectoryQueryFindsWhoListsIt() {
        String skill = unique("Flink");
        String eva = unique("eva");
        skills(eva, skill);

        raw(employee("alice")).get("/api/people?skill=%E2%80%AE" + skill + "%00").then().statusCode(200)
                .body("items.login", contains(eva));
    }

    private static void assertClean(ExtractableResponse<Response> problem) {
        for (String member : new String[]{"title", "detail", "instance"}) {
            String value = problem.path(member);
            assertThat(value).as(member).isNotNull();
            assertThat(UNCLEAN.matcher(value).find()).as("%s quotes a control or bidi character: %s", member, value.replace("\u0000", "\\u0000"))
                    .isFalse();
        }
    }
}
