package io.relais.feed.community;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.person;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * People who left the company (HR's {@code employee.left}, applied by profile-service and published on
 * {@code relais.profiles} as their snapshot with {@code status: left}) could still be invited to or imported into a
 * community (found by a tester on the running product).
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class LeaversTest {

    @Test
    void someoneWhoLeftIsNeitherInvitedNorImportedAndTheAnswerNamesThem() {
        String owner = person("olga");
        String stays = person("stays");
        String gone = person("gone");
        Fixtures.publishLeft(gone);
        String slug = community(owner, "private");

        as(owner).body(Map.of("login", gone)).post("/api/communities/{slug}/invitations", slug).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("login"))
                .body("errors[0].message", containsString("has left the company"));
        as(owner).get("/api/communities/{slug}/invitations", slug).then().statusCode(200).body("$", hasSize(0));

        as(owner).body(Map.of("logins", List.of(stays, gone))).post("/api/communities/{slug}/members", slug).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("logins[1]"))
                .body("errors[0].message", containsString("'" + gone + "' has left the company"));
        // refused before any membership is written, as for an unknown login
        as(owner).get("/api/communities/{slug}/members", slug).then().statusCode(200).body("count", equalTo(1));

        as(owner).body(Map.of("login", stays)).post("/api/communities/{slug}/invitations", slug).then().statusCode(204);
    }
}
