package io.relais.e2e.browser;

import io.restassured.http.ContentType;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Setting the scene for the community tests through feed-service's public API, as the people themselves would. */
final class Communities {

    private Communities() {
    }

    /** A fresh slug for this run ({@code prefix-xxxxxx}), so runs never meet each other's communities. */
    static String freshSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    static void join(String login, String slug) {
        given().auth().oauth2(Api.token(login)).contentType(ContentType.JSON)
                .post(Api.FEED + "/api/communities/" + slug + "/join").then().statusCode(200);
    }

    /** {@code myStatus} of this person in the community: member, pending, invited or none. */
    static String statusOf(String login, String slug) {
        return given().auth().oauth2(Api.token(login)).get(Api.FEED + "/api/communities/" + slug)
                .then().statusCode(200).extract().path("myStatus");
    }

    static void follow(String login, String kind, String id) {
        given().auth().oauth2(Api.token(login)).contentType(ContentType.JSON)
                .put(Api.FEED + "/api/follows/" + kind + "/" + id).then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    static Map<String, Object> community(String login, String slug) {
        return given().auth().oauth2(Api.token(login)).get(Api.FEED + "/api/communities/" + slug)
                .then().statusCode(200).extract().as(Map.class);
    }
}
