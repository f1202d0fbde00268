package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.Audience;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A card's text comes in several languages (connector-service's templates write a French and an English title and
 * summary): a hit shows it in one, the reader's ({@code Accept-Language}: French or English, else English, as the web
 * app picks its language), and names the person the card is attributed to by their display name, not their login.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ReaderLanguageTest {

    private static final String CONNECTOR = "/connectors/ecm/sharepoint";

    static Response search(String login, String q, String acceptLanguage) {
        var req = given().auth().oauth2(TestTokens.employee(login)).queryParam("q", q);
        if (acceptLanguage != null) req = req.header("Accept-Language", acceptLanguage);
        Response r = req.get("/api/search");
        r.then().statusCode(200);
        return r;
    }

    static Map<String, String> byLanguage(String fr, String en) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fr", fr);
        m.put("en", en);
        return m;
    }

    /** The tester's case: {@code document.published} found by a word of its summary, by an English and a French reader. */
    @Test
    void aDocumentCardsSnippetIsInTheReadersLanguageAndNamesItsOwnerByName() {
        String u = unique();
        String owner = "odile" + u;
        String word = "bold" + u;
        Events.profile(owner, "Odile O'Hara", "Juriste", "Legal", List.of(), null);
        Activity card = Events.bilingualDocument("document.published", "pub-" + u, owner,
                byLanguage("Rapport " + u, "Report " + u),
                byLanguage("Nouveau document publié par " + owner + " : Rapport " + word,
                        "New document published by " + owner + ": Rapport " + word),
                List.of(Audience.ORGANISATION));
        publish(card, CONNECTOR);
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(search("bob", word, null).jsonPath().getString("labels")).contains("Odile O'Hara"));

        for (String english : new String[]{null, "en", "en-GB,en;q=0.9", "de-DE,de;q=0.9"}) {
            Response r = search("bob", word, english);
            assertThat(r.jsonPath().getList("hits.id")).containsExactly(card.object().id());
            assertThat(r.jsonPath().getString("hits[0].snippet")).as("Accept-Language: " + english)
                    .isEqualTo("New document published by Odile O&#x27;Hara: Rapport <mark>" + word + "</mark>");
            assertThat(r.jsonPath().getString("hits[0].title")).as("Accept-Language: " + english).isEqualTo("Report " + u);
        }
        for (String french : new String[]{"fr", "fr-FR,fr;q=0.9,en;q=0.5", "de;q=1, fr-CA;q=0.8, en;q=0.5"}) {
            Response r = search("bob", word, french);
            assertThat(r.jsonPath().getString("hits[0].snippet")).as("Accept-Language: " + french)
                    .isEqualTo("Nouveau document publié par Odile O&#x27;Hara : Rapport <mark>" + word + "</mark>");
            assertThat(r.jsonPath().getString("hits[0].title")).as("Accept-Language: " + french).isEqualTo("Rapport " + u);
        }
    }

    /**
     * A word found only in the other language's text (the reader typed it): the snippet is that language's text, where
     * the word is marked, never both languages run together.
     */
    @Test
    void aWordFoundOnlyInTheOtherLanguageIsShownInThatLanguageAlone() {
        String u = unique();
        String owner = "paul" + u;
        String french = "trimestriel" + u;
        Events.profile(owner, "Paul Girard", "Analyste", "Finance", List.of(), null);
        Activity card = Events.bilingualDocument("document.published", "tri-" + u, owner,
                byLanguage("Bilan " + u, "Review " + u),
                byLanguage("Nouveau document publié par " + owner + " : bilan " + french,
                        "New document published by " + owner + ": quarterly figures"),
                List.of(Audience.ORGANISATION));
        publish(card, CONNECTOR);
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(search("bob", french, "en").jsonPath().getString("hits[0].snippet"))
                .isEqualTo("Nouveau document publié par Paul Girard : bilan <mark>" + french + "</mark>"));
        Response r = search("bob", "Review " + u, "en");
        assertThat(r.jsonPath().getString("hits[0].snippet")).as("found by its English title: its English summary")
                .isEqualTo("New document published by Paul Girard: quarterly figures");
        assertThat(search("bob", "Review " + u, "fr").jsonPath().getString("hits[0].snippet"))
                .isEqualTo("Nouveau document publié par Paul Girard : bilan " + french);
    }

    /** {@code document.shared} names its owner in its title: the title too is in the reader's language, with the name. */
    @Test
    void aCardsTitleIsInTheReadersLanguageAndNamesItsOwnerByName() {
        String u = unique();
        String owner = "rita" + u;
        Events.profile(owner, "Rita Moreau", "Designer", "Produit", List.of(), null);
        Activity card = Events.bilingualDocument("document.shared", "shr-" + u, owner,
                byLanguage(owner + " partage « Charte " + u + " »", owner + " shares “Charter " + u + "”"),
                byLanguage("Charte graphique " + u, "Brand charter " + u), List.of(Audience.ORGANISATION));
        publish(card, CONNECTOR);
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(search("bob", u, "en").jsonPath().getString("hits[0].title"))
                .isEqualTo("Rita Moreau shares “Charter " + u + "”"));
        assertThat(search("bob", u, "fr").jsonPath().getString("hits[0].title")).isEqualTo("Rita Moreau partage « Charte " + u + " »");
        assertThat(search("bob", owner, "en").jsonPath().getList("hits.id")).as("still found by the login the system sent")
                .containsExactly(card.object().id());
    }
}
