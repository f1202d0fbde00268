package io.relais.web.community;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating a community from the directory's form: the web names no slug, feed-service chooses it (a free one, a secret
 * community's with a random part), so creating one tells nobody which slugs secret communities hold. Before, the web
 * derived the slug from the name and a secret community holding it answered "the community slug … is taken".
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class CommunityCreateTest {

    @BeforeEach
    void aDirectory() {
        SERVICES.reset();
        SERVICES.on("GET /api/communities", 200, "[]");
    }

    @Test
    void theFormSendsNoSlugAndOpensThePageAtTheSlugFeedServiceChose() throws Exception {
        SERVICES.on("POST /api/communities", 201, """
                {"iri":"urn:relais:community:comite-de-direction-k3f9x2p1","slug":"comite-de-direction-k3f9x2p1",
                 "name":"Comité de direction","visibility":"secret","myRole":"owner","myStatus":"member"}""");

        Response r = post("/communities", Map.of("name", " Comité de direction ", "description", "Board",
                "visibility", "secret"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/communities/comite-de-direction-k3f9x2p1");
        JsonNode sent = new ObjectMapper().readTree(SERVICES.calls().stream()
                .filter(c -> c.line().equals("POST /api/communities")).findFirst().orElseThrow().body());
        assertThat(sent.has("slug")).isFalse();
        assertThat(sent.path("name").asText()).isEqualTo("Comité de direction");
        assertThat(sent.path("visibility").asText()).isEqualTo("secret");
    }

    @Test
    void aSlugAClientPostsIsPassedOnAsSent() throws Exception {
        SERVICES.on("POST /api/communities", 201, "{\"slug\":\"design-guild\",\"name\":\"Design guild\"}");

        Response r = post("/communities", Map.of("name", "Design guild", "slug", "design-guild", "visibility", "public"));

        assertThat(r.header("Location")).endsWith("/communities/design-guild");
        JsonNode sent = new ObjectMapper().readTree(SERVICES.calls().stream()
                .filter(c -> c.line().equals("POST /api/communities")).findFirst().orElseThrow().body());
        assertThat(sent.path("slug").asText()).isEqualTo("design-guild");
    }

    private static RequestSpecification as() {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee")
                .header("Accept-Language", "en").redirects().follow(false);
    }

    private static Response post(String path, Map<String, String> form) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as().get("/communities").asString());
        assertThat(m.find()).as("a form token on the page").isTrue();
        return as().header("Sec-Fetch-Site", "same-origin").formParams(form).formParam("_csrf", m.group(1)).post(path);
    }
}
