package io.relais.e2e.browser;

import io.restassured.http.ContentType;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Setting up data through the services' APIs with real Keycloak tokens, when a test is about something else. */
final class Api {

    static final String KEYCLOAK = Browser.env("KEYCLOAK_URL", "http://localhost:8180");
    static final String FEED = Browser.env("RELAIS_FEED_URL", "http://localhost:8081");

    private Api() {
    }

    static String token(String login) {
        return given().formParam("grant_type", "password").formParam("client_id", "relais-web")
                .formParam("username", login).formParam("password", login)
                .post(KEYCLOAK + "/realms/relais/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static void createCommunity(String owner, String slug, String name, String visibility) {
        given().auth().oauth2(token(owner)).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", name, "description", "e2e", "visibility", visibility))
                .post(FEED + "/api/communities").then().statusCode(201);
    }

    static void post(String author, String text, String communitySlug) {
        Map<String, Object> body = communitySlug == null ? Map.of("content", "<p>" + text + "</p>")
                : Map.of("content", "<p>" + text + "</p>", "audience", Map.of("community", communitySlug));
        given().auth().oauth2(token(author)).contentType(ContentType.JSON).body(body)
                .post(FEED + "/api/posts").then().statusCode(201);
    }
}
