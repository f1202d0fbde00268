package io.relais.profile.expertise;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import static io.relais.profile.Fixtures.WAIT;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.publishPostTo;
import static io.relais.profile.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Leak probes over the expertise finder: the ranking is read by every employee, so posts that only some
 * of them may read (a private or a secret community, a message to a few people) never weigh in it, for a
 * non-member, a member or a former member alike.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ExpertiseTrimmingTest {

    @Test
    void postsInPrivateAndSecretCommunitiesDoNotCountInWhoKnowsX() {
        String tess = unique("tess");
        String skill = "Cobol" + unique("x").replace("-", "");
        as(employee(tess)).body("{\"skills\":[\"" + skill + "\"]}").patch("/api/people/me").then().statusCode(200);

        // all keyed by the author, so they are applied in this order: once the last counts, the others were read
        publishPostTo(tess, Iri.community("secret-" + unique("c")), skill);
        publishPostTo(tess, Iri.community("private-" + unique("c")), skill);
        publishPostTo(tess, Iri.person("alice"), skill);
        publishPostTo(tess, Audience.ORGANISATION, skill);

        for (String asker : new String[]{"alice", unique("outsider")}) {
            await().atMost(WAIT).untilAsserted(() -> as(employee(asker)).queryParam("skill", skill).get("/api/expertise")
                    .then().statusCode(200)
                    .body("[0].login", equalTo(tess))
                    .body("[0].topicalActivity", equalTo(1))
                    .body("[0].activity", equalTo(1))
                    .body("[0].score", equalTo(1)));
        }
    }
}
