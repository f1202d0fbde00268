package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static io.relais.connector.ConnectorFixtures.asAdmin;
import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * A registration lists the private and secret communities its system may address ({@code communities}, slugs):
 * the admin API accepts and shows them, and refuses a malformed one naming it.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class RegistrationCommunitiesTest {

    @BeforeEach
    void theWorldTheEventsName() {
        ConnectorFixtures.knownWorld();
    }

    private static String slug(String prefix) {
        return unique(prefix).toLowerCase();
    }

    private static String json(List<String> slugs) {
        return slugs.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void theRegistrationApiAcceptsAndShowsCommunitiesAndRefusesAMalformedSlugNamingIt() {
        String client = "crm-" + slug("acme");
        asAdmin().body("""
                {"sources":["crm"],"defaultAudience":"organisation","system":"salesforce","systemName":"Salesforce",
                 "communities":["ventes-emea","comite.direction","ventes-emea"]}""")
                .put("/api/connectors/registrations/" + client).then().statusCode(201)
                .body("communities", equalTo(List.of("ventes-emea", "comite.direction")));
        asAdmin().get("/api/connectors/registrations/" + client).then().statusCode(200)
                .body("communities", equalTo(List.of("ventes-emea", "comite.direction")));
        asClient(client).get("/api/connectors/me").then().statusCode(200)
                .body("communities", equalTo(List.of("ventes-emea", "comite.direction")));
        asAdmin().get("/api/connectors/registrations").then().statusCode(200)
                .body("find { it.clientId == '" + client + "' }.communities", equalTo(List.of("ventes-emea", "comite.direction")));

        // left out: none (and a registration that lists none shows an empty list, never null)
        asAdmin().body("""
                {"sources":["crm"],"defaultAudience":"organisation","system":"salesforce","systemName":"Salesforce"}""")
                .put("/api/connectors/registrations/" + client).then().statusCode(200).body("communities", equalTo(List.of()));

        for (String bad : List.of("\"Board\"", "\"urn:relais:community:board\"", "\"\"", "\"-board\"", "\"a b\"", "null", "42")) {
            asAdmin().body("""
                    {"sources":["crm"],"defaultAudience":"organisation","system":"salesforce","systemName":"Salesforce",
                     "communities":["ventes",%s]}""".formatted(bad))
                    .put("/api/connectors/registrations/" + client).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(startsWith("communities[1]")));
        }
        asAdmin().body("""
                {"sources":["crm"],"defaultAudience":"organisation","system":"salesforce","systemName":"Salesforce",
                 "communities":"ventes"}""").put("/api/connectors/registrations/" + client).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(startsWith("communities")));
        List<String> tooMany = Collections.nCopies(101, "x").stream().map(x -> slug("c")).toList();
        asAdmin().body("""
                {"sources":["crm"],"defaultAudience":"organisation","system":"salesforce","systemName":"Salesforce",
                 "communities":%s}""".formatted(json(tooMany))).put("/api/connectors/registrations/" + client)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("communities")).body("errors.message", hasItem("must list at most 100 communities"));
        // the refused requests changed nothing
        asAdmin().get("/api/connectors/registrations/" + client).then().statusCode(200).body("communities", equalTo(List.of()));
    }
}
