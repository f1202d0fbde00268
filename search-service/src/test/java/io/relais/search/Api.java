package io.relais.search;

import io.relais.testing.TestTokens;
import io.restassured.response.Response;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The REST calls tests make, as a person with the employee role. */
final class Api {

    private Api() {
    }

    static Response get(String path, String login, Map<String, ?> params) {
        return given().auth().oauth2(TestTokens.employee(login)).queryParams(params).get(path);
    }

    static Response search(String login, Map<String, ?> params) {
        Response r = get("/api/search", login, params);
        r.then().statusCode(200);
        return r;
    }

    static List<String> ids(String login, Map<String, ?> params) {
        return search(login, params).jsonPath().getList("hits.id");
    }

    static Map<String, Integer> facet(Response r, String dim) {
        return r.jsonPath().getMap("facets." + dim);
    }

    static List<String> suggestions(String login, String q, String types) {
        Response r = get("/api/search/suggest", login, Map.of("q", q, "types", types));
        r.then().statusCode(200);
        return r.jsonPath().getList("suggestions.id");
    }
}
