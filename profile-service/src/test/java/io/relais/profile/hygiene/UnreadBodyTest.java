package io.relais.profile.hygiene;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import static io.relais.profile.Fixtures.admin;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A body sent to an endpoint that takes none is refused, not ignored (service-kit {@code UnexpectedBody}): whatever it
 * says, the endpoint would have acted as if it said nothing, so an erasure "dry run" erased the person.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class UnreadBodyTest {

    @Test
    void anErasureSentWithABodyIsRefusedAndErasesNobody() {
        String someone = unique("dryrun");
        as(employee(someone)).body("{\"bio\":\"Still here\"}").patch("/api/people/me").then().statusCode(200);

        as(admin()).body("{\"dryRun\":true}").post("/api/people/{login}/erasure", someone)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("$"))
                .body("errors[0].message", equalTo("must be empty: this endpoint takes no request body"));
        given().auth().oauth2(admin()).contentType("text/plain").body("not json at all")
                .post("/api/people/{login}/erasure", someone).then().statusCode(400);

        as(employee(someone)).get("/api/people/{login}", someone).then().statusCode(200).body("bio", equalTo("Still here"));
        as(admin()).post("/api/people/{login}/erasure", someone).then().statusCode(202);
    }

    @Test
    void whoMayNotCallTheEndpointIsToldThatFirstBodyOrNot() {
        String someone = unique("guarded");
        given().contentType("application/json").body("{\"dryRun\":true}").post("/api/people/{login}/erasure", someone)
                .then().statusCode(401);
        as(employee(unique("colleague"))).body("{\"dryRun\":true}").post("/api/people/{login}/erasure", someone)
                .then().statusCode(403);
    }

    @Test
    void anEndorsementSentWithABodyIsRefusedAndOneWithoutIsCounted() {
        String expert = unique("expert");
        String colleague = unique("colleague");
        as(employee(expert)).body("{\"skills\":[\"Kafka\"]}").patch("/api/people/me").then().statusCode(200);

        as(employee(colleague)).body("{\"withdraw\":true}")
                .put("/api/people/{login}/skills/kafka/endorsements/mine", expert).then().statusCode(400)
                .body("errors[0].field", equalTo("$"));
        as(employee(colleague)).get("/api/people/{login}", expert).then().body("skills[0].endorsements", equalTo(0));

        as(employee(colleague)).put("/api/people/{login}/skills/kafka/endorsements/mine", expert).then().statusCode(200);
        as(employee(colleague)).get("/api/people/{login}", expert).then().body("skills[0].endorsements", equalTo(1));
    }

    @Test
    void anEndpointThatReadsABodyStillDoes() {
        String someone = unique("reader");
        as(employee(someone)).body("{\"bio\":\"Written\"}").patch("/api/people/me").then().statusCode(200)
                .body("bio", equalTo("Written"));
    }
}
