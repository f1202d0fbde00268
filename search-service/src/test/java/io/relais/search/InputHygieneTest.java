package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Text is cleaned before it is indexed and queries are NFC-normalised; every bad parameter is a 400
 * problem+json naming it (issue 13: {@code to=+999999999-12-31} was a 500, {@code limit=abc} a 404).
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class InputHygieneTest {

    static Response get(String path, Map<String, ?> params) {
        return given().auth().oauth2(TestTokens.employee("alice")).queryParams(params).get(path);
    }

    static void refused(String path, Map<String, ?> params, String field) {
        get(path, params).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors[0].field", equalTo(field));
    }

    @Test
    void aCommunityNameWithANulIsIndexedTitledAndSuggestedWithoutIt() {
        String u = unique();
        String slug = "nul-" + u;
        publish(Events.community(slug, "Cercle\u0000 Nul\u202E" + u, "public"));
        await().atMost(Events.WAIT).untilAsserted(() -> {
            Response r = get("/api/search/suggest", Map.of("q", "cercle nul" + u.substring(0, 3), "types", "community"));
            assertThat(r.jsonPath().getList("suggestions.id")).containsExactly(Iri.community(slug));
            assertThat(r.jsonPath().getString("suggestions[0].label")).isEqualTo("Cercle Nul" + u);
        });
        Response hit = get("/api/search", Map.of("community", slug, "type", "community"));
        assertThat(hit.jsonPath().getString("hits[0].title")).isEqualTo("Cercle Nul" + u);
        assertThat(hit.asString()).doesNotContain("\\u0000").doesNotContain("\\u202e").doesNotContain("\\u202E");
    }

    @Test
    void aBusinessSystemNameWithControlCharactersIsShownFacetedAndFilteredWithoutThem() {
        String u = unique();
        String word = "contrat" + u;
        AsObject generator = AsObject.builder().id("urn:relais:source:crm.s" + u).type(As2.APPLICATION)
                .name("Sales\u0000\u202Eforce" + u).build();
        AsObject event = AsObject.builder().id(Iri.of(Iri.BUSINESS_EVENT, UUID.randomUUID().toString())).type(As2.EVENT)
                .name("Deal\u200B " + word).summary("Signé").to(List.of(Audience.ORGANISATION)).build();
        publish(Activity.builder().type(As2.CREATE).actor(generator.id()).object(event).to(List.of(Audience.ORGANISATION))
                .generator(generator).relais(Map.of("business", Map.of("source", "crm", "eventType", "deal.won",
                        "system", "s" + u, "sourceEventId", u, "data", Map.of()))).build(),
                "/connectors/crm/s" + u);
        String clean = "Salesforce" + u;
        await().atMost(Events.WAIT).untilAsserted(() -> {
            Response r = get("/api/search", Map.of("q", word));
            assertThat(r.jsonPath().getString("hits[0].source")).isEqualTo(clean);
            assertThat(r.jsonPath().getString("hits[0].title")).isEqualTo("Deal " + word);
            assertThat(r.jsonPath().getMap("facets.source")).containsOnlyKeys(clean);
        });
        assertThat(get("/api/search", Map.of("q", word, "source", clean)).jsonPath().getInt("total")).isEqualTo(1);
    }

    @Test
    void aQueryTypedWithACombiningAccentFindsTheComposedWord() {
        String u = unique();
        String word = "caf" + u + "\u00e9";
        Activity post = Events.orgPost("zed" + u, "<p>" + word + " du matin</p>");
        publish(post);
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(get("/api/search", Map.of("q", word)).jsonPath().getList("hits.id")).contains(post.object().id()));
        String decomposed = "caf" + u + "e\u0301";
        assertThat(get("/api/search", Map.of("q", decomposed)).jsonPath().getList("hits.id")).containsExactly(post.object().id());
    }

    @Test
    void anOverflowingDateIsA400NamingTheParameter() {
        refused("/api/search", Map.of("q", "x", "to", "+999999999-12-31"), "to");
        refused("/api/search", Map.of("q", "x", "from", "-999999999-01-01"), "from");
        refused("/api/search", Map.of("q", "x", "to", "+1000000000-12-31T23:59:59Z"), "to");
        refused("/api/search", Map.of("q", "x", "from", "yesterday"), "from");
        given().auth().oauth2(TestTokens.user("bob", "employee", "community-manager")).queryParam("to", "+999999999-12-31")
                .get("/api/analytics/communities/anything").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void aLimitThatIsNotANumberIsA400NamingIt() {
        refused("/api/search", Map.of("q", "x", "limit", "abc"), "limit");
        refused("/api/search", Map.of("q", "x", "limit", "0"), "limit");
        refused("/api/search/suggest", Map.of("q", "x", "limit", "abc"), "limit");
        refused("/api/search/people", Map.of("q", "x", "limit", "1e3"), "limit");
    }
}
