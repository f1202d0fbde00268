package io.relais.feed.community;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;

/**
 * Deny by default, for every feed-core endpoint: no token → 401; a token without a person role (a
 * business system's connector client) → 403. The finer rows of the matrix (non-member, member,
 * moderator, owner, community-manager, admin) are in each feature's tests.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class AuthorizationMatrixTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST, /api/communities",
            "GET, /api/communities",
            "GET, /api/communities/tech",
            "PUT, /api/communities/tech",
            "POST, /api/communities/tech/archive",
            "DELETE, /api/communities/tech/archive",
            "POST, /api/communities/tech/join",
            "POST, /api/communities/tech/leave",
            "GET, /api/communities/tech/requests",
            "POST, /api/communities/tech/requests/bob/approve",
            "POST, /api/communities/tech/requests/bob/reject",
            "POST, /api/communities/tech/invitations",
            "GET, /api/communities/tech/invitations",
            "DELETE, /api/communities/tech/invitations/bob",
            "POST, /api/communities/tech/invitations/mine/accept",
            "POST, /api/communities/tech/invitations/mine/decline",
            "GET, /api/communities/tech/members",
            "POST, /api/communities/tech/members",
            "DELETE, /api/communities/tech/members/bob",
            "PUT, /api/communities/tech/members/bob/role",
            "POST, /api/communities/tech/pins/p1",
            "DELETE, /api/communities/tech/pins/p1",
            "POST, /api/posts",
            "GET, /api/posts/p1",
            "PUT, /api/posts/p1",
            "DELETE, /api/posts/p1",
            "POST, /api/posts/p1/comments",
            "PUT, /api/posts/p1/comments/c1",
            "DELETE, /api/posts/p1/comments/c1",
            "PUT, /api/posts/p1/comments/c1/reactions/mine",
            "DELETE, /api/posts/p1/comments/c1/reactions/mine",
            "GET, /api/posts/p1/comments/c1/reactions",
            "PUT, /api/posts/p1/reactions/mine",
            "DELETE, /api/posts/p1/reactions/mine",
            "GET, /api/posts/p1/reactions",
            "POST, /api/attachments",
            "GET, /api/attachments/a1",
            "PUT, /api/follows/person/bob",
            "DELETE, /api/follows/person/bob",
            "GET, /api/follows/mine",
            "GET, /api/follows/person/bob/followers",
            "POST, /api/announcements",
            "GET, /api/announcements",
            "POST, /api/announcements/p1/dismiss",
    })
    void anonymousIs401AndAConnectorClientIs403(String method, String path) {
        body(given(), path).request(method, path).then().statusCode(401);
        body(given().auth().oauth2(TestTokens.client("hr-connector", "connector")), path).request(method, path)
                .then().statusCode(403);
    }

    /** A well-formed body for the upload endpoint, JSON elsewhere: the answer must come from security alone. */
    private static RequestSpecification body(RequestSpecification spec, String path) {
        return path.equals("/api/attachments") ? spec.multiPart("file", "a.pdf", "%PDF-1.7".getBytes(), "application/pdf")
                : spec.contentType(io.restassured.http.ContentType.JSON).body("{}");
    }
}
