package io.relais.feed.activity;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.person;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code GET /api/activities/{id}} of an id no local id can be (a space, markup, a quote, a no-break space) is the
 * 404 problem+json of an unknown activity, as {@code GET /api/posts/{id}} answers for such an id: it was a 500
 * ({@code IllegalArgumentException: invalid local id for activity} from {@code Iri.of}).
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class MalformedActivityIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a%20b", "%3Cx%3E", "a%27b", "%C2%A0"})
    void anIdNoActivityCanHaveIsA404LikeAPostsOne(String encoded) {
        String reader = person("alice");
        // the path as a client sends it, already percent-encoded
        as(reader).urlEncodingEnabled(false).get("/api/posts/" + encoded).then().statusCode(404)
                .contentType("application/problem+json");
        as(reader).urlEncodingEnabled(false).get("/api/activities/" + encoded).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
