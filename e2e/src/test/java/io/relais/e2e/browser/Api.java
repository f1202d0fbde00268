package io.relais.e2e.browser;

import io.restassured.http.ContentType;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Setting up data through the services' APIs with real Keycloak tokens, when a test is about something else. */
final class Api {

    static final String KEYCLOAK = Browser.env("KEYCLOAK_URL", "http://localhost:8180");
    static final String FEED = Browser.env("RELAIS_FEED_URL", "http://localhost:8081");
    static final String PROFILE = Browser.env("RELAIS_PROFILE_URL", "http://localhost:8082");
    static final String CONNECTOR = Browser.env("RELAIS_CONNECTOR_URL", "http://localhost:8083");

    private Api() {
    }

    static String token(String login) {
        return given().formParam("grant_type", "password").formParam("client_id", "relais-web")
                .formParam("username", login).formParam("password", login)
                .post(KEYCLOAK + "/realms/relais/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A connector client's token (client credentials; the local stack's secret is {@code <client>-secret}). */
    static String clientToken(String client) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", client)
                .formParam("client_secret", client + "-secret")
                .post(KEYCLOAK + "/realms/relais/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static void createCommunity(String owner, String slug, String name, String visibility) {
        given().auth().oauth2(token(owner)).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", name, "description", "e2e", "visibility", visibility))
                .post(FEED + "/api/communities").then().statusCode(201);
    }

    /** An organisation-wide post; answers its IRI. */
    static String postIri(String author, String text) {
        return given().auth().oauth2(token(author)).contentType(ContentType.JSON).body(Map.of("content", "<p>" + text + "</p>"))
                .post(FEED + "/api/posts").then().statusCode(201).extract().path("id");
    }

    /** A comment on a post (by its IRI); answers the comment's IRI. */
    static String comment(String author, String postIri, String text) {
        return given().auth().oauth2(token(author)).contentType(ContentType.JSON).body(Map.of("content", text))
                .post(FEED + "/api/posts/{id}/comments", postIri.substring(postIri.lastIndexOf(':') + 1))
                .then().statusCode(201).extract().path("id");
    }

    /** Its author's edit of a post (by its IRI): the new text, as a paragraph. */
    static void edit(String author, String postIri, String text) {
        given().auth().oauth2(token(author)).contentType(ContentType.JSON).body(Map.of("content", "<p>" + text + "</p>"))
                .put(FEED + "/api/posts/{id}", postIri.substring(postIri.lastIndexOf(':') + 1)).then().statusCode(200);
    }

    /** A moderator's decision ({@code hide}, {@code restore}) about a post or comment, with its reason. */
    static void moderate(String moderator, String object, String action, String reason) {
        given().auth().oauth2(token(moderator)).contentType(ContentType.JSON)
                .body(Map.of("object", object, "action", action, "reason", reason))
                .post(FEED + "/api/moderation/actions").then().statusCode(200);
    }

    /** The person's unread notification count, as feed-service answers it. */
    static int unread(String login) {
        return given().auth().oauth2(token(login)).get(FEED + "/api/notifications/unread-count")
                .then().statusCode(200).extract().path("unread");
    }

    /** A post by {@code author}, in the community when {@code communitySlug} is given (else to the organisation); answers its IRI. */
    static String post(String author, String text, String communitySlug) {
        Map<String, Object> body = communitySlug == null ? Map.of("content", "<p>" + text + "</p>")
                : Map.of("content", "<p>" + text + "</p>", "audience", Map.of("community", communitySlug));
        return given().auth().oauth2(token(author)).contentType(ContentType.JSON).body(body)
                .post(FEED + "/api/posts").then().statusCode(201).extract().path("id");
    }
}
