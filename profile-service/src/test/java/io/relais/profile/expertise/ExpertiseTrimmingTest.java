package io.relais.profile.expertise;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.RelaisExtension;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import static io.relais.profile.Fixtures.WAIT;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.post;
import static io.relais.profile.Fixtures.publishFromFeed;
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
    /**
     * What everyone could read when it was written but no longer can does not count either: a post a moderator hid
     * (an Update carrying the hidden state) until it is restored, a post its author deleted or a moderator removed (a
     * Delete with a Tombstone), and a post held by a keyword rule from the start. Before, only Creates were read, so
     * the ranking shown to every employee kept counting them and told readers such a post existed.
     */
    @Test
    void hiddenRemovedAndHeldPostsStopCountingAndARestoredOneCountsAgain() {
        String uma = unique("uma");
        String skill = "Fortran" + unique("x").replace("-", "");
        String marker = "Marker" + unique("x").replace("-", "");
        as(employee(uma)).body("{\"skills\":[\"" + skill + "\",\"" + marker + "\"]}").patch("/api/people/me").then().statusCode(200);
        String key = Iri.person(uma);

        AsObject hidden = publishPostTo(uma, Audience.ORGANISATION, skill);
        AsObject deleted = publishPostTo(uma, Audience.ORGANISATION, skill);
        publishPostTo(uma, Audience.ORGANISATION, skill);
        AsObject held = post(uma, Audience.ORGANISATION, skill).relais(moderation(true)).build();
        publishFromFeed(key, Activity.builder().type(As2.CREATE).actor(key).object(held).to(Audience.ORGANISATION).build());
        publishFromFeed(key, Activity.builder().type(As2.UPDATE).actor(Iri.person("carol"))
                .object(hidden.toBuilder().relais(moderation(true)).build()).to(Audience.ORGANISATION).build());
        publishFromFeed(key, Activity.builder().type(As2.DELETE).actor(key).to(Audience.ORGANISATION)
                .object(AsObject.builder().id(deleted.id()).type(As2.TOMBSTONE).formerType(As2.NOTE).build()).build());
        publishPostTo(uma, Audience.ORGANISATION, marker); // read after all of the above (same key)
        awaitMarker(marker, 1);

        as(employee("alice")).queryParam("skill", skill).get("/api/expertise").then().statusCode(200)
                .body("[0].login", equalTo(uma)).body("[0].topicalActivity", equalTo(1)).body("[0].activity", equalTo(2));

        publishFromFeed(key, Activity.builder().type(As2.UPDATE).actor(Iri.person("carol"))
                .object(hidden.toBuilder().relais(moderation(false)).build()).to(Audience.ORGANISATION).build());
        publishPostTo(uma, Audience.ORGANISATION, marker);
        awaitMarker(marker, 2);
        as(employee("alice")).queryParam("skill", skill).get("/api/expertise").then().statusCode(200)
                .body("[0].topicalActivity", equalTo(2)).body("[0].activity", equalTo(4));
    }

    private static java.util.Map<String, Object> moderation(boolean hidden) {
        return java.util.Map.of(RelaisExtension.MODERATION, RelaisExtension.Moderation.state(hidden, "off-topic").toMap());
    }

    private static void awaitMarker(String marker, int count) {
        await().atMost(WAIT).untilAsserted(() -> as(employee("alice")).queryParam("skill", marker).get("/api/expertise")
                .then().statusCode(200).body("[0].topicalActivity", equalTo(count)));
    }
}
