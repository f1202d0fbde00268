package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.Tag;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What employees observe of the index: new, edited and deleted posts, and how words are matched. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class SearchIndexingTest {

    static Response search(String login, String q, String... params) {
        var req = given().auth().oauth2(TestTokens.employee(login)).queryParam("q", q);
        for (int i = 0; i + 1 < params.length; i += 2) req = req.queryParam(params[i], params[i + 1]);
        return req.get("/api/search");
    }

    static List<String> ids(String login, String q, String... params) {
        Response r = search(login, q, params);
        r.then().statusCode(200);
        return r.jsonPath().getList("hits.id");
    }

    @Test
    void aNewPostIsSearchableWithinSeconds() {
        String word = "zeppelin" + unique();
        Activity post = Events.orgPost("alice", "<p>Le " + word + " décolle demain</p>");
        publish(post);
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(ids("bob", word)).containsExactly(post.object().id()));
        Response r = search("bob", word);
        assertThat(r.jsonPath().getString("hits[0].snippet")).contains("<mark>" + word + "</mark>");
        assertThat(r.jsonPath().getString("hits[0].type")).isEqualTo("post");
        assertThat(r.jsonPath().getString("hits[0].author")).isEqualTo("urn:relais:person:alice");
        assertThat(r.jsonPath().getInt("total")).isEqualTo(1);
    }

    /**
     * An HR hire is found once profile-service applied it (it refuses, say, a hire reusing a working employee's login):
     * the HR connector's own Create is not indexed, profile-service's announcement of the same card is.
     */
    @Test
    void anHrHireIsFoundOnlyOnceProfileServiceHasAppliedIt() {
        String word = "arrivee" + unique();
        Activity hire = Events.hrEvent("Workday", "Bienvenue " + word, "Nouvelle recrue", List.of(io.relais.events.Audience.ORGANISATION));
        Events.publish(hire, "/connectors/hr/workday", io.relais.events.RecordKey.of(hire));
        // indexed after it (same key, same partition): once the marker is found, the connector's hire was passed over
        String marker = "repere" + unique();
        Activity after = Events.hrEvent("Workday", "Bienvenue " + marker, "Nouvelle recrue", List.of(io.relais.events.Audience.ORGANISATION));
        Events.publish(io.relais.events.HrAcceptance.accepted(after), io.relais.events.CloudEventAttributes.PROFILE_SOURCE,
                io.relais.events.RecordKey.of(hire));
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("bob", marker)).containsExactly(after.object().id()));
        assertThat(ids("bob", word)).isEmpty();

        Events.publishAccepted(hire);

        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("bob", word)).containsExactly(hire.object().id()));
    }

    /**
     * A move, a leave or an anniversary is found once profile-service applied it to a person: the HR connector's own
     * card of a login nobody hired (a pending profile) or an erased person is never indexed. Before, the connector's
     * "Nouveau poste pour Pending Person / Secret Agent" was found by every employee.
     */
    @Test
    void anHrMoveLeaveOrAnniversaryIsFoundOnlyOnceProfileServiceHasAppliedIt() {
        for (String eventType : List.of("employee.moved", "employee.left", "employee.anniversary")) {
            String word = "secretagent" + unique();
            Activity card = Events.hrEvent(eventType, "Workday", "Nouveau poste " + word, "Secret Agent",
                    List.of(io.relais.events.Audience.ORGANISATION));
            Events.publish(card, "/connectors/hr/workday", io.relais.events.RecordKey.of(card));
            // indexed after it (same key, same partition): once the marker is found, the connector's card was passed over
            String marker = "repere" + unique();
            Activity after = Events.hrEvent(eventType, "Workday", "Nouveau poste " + marker, "Repère",
                    List.of(io.relais.events.Audience.ORGANISATION));
            Events.publish(io.relais.events.HrAcceptance.accepted(after), io.relais.events.CloudEventAttributes.PROFILE_SOURCE,
                    io.relais.events.RecordKey.of(card));
            await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("bob", marker)).containsExactly(after.object().id()));
            assertThat(ids("bob", word)).as(eventType).isEmpty();

            Events.publishAccepted(card);

            await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("bob", word)).containsExactly(card.object().id()));
        }
    }

    /**
     * A partner's text that looks like markup ({@code Smith & Sons <EMEA>}) is indexed whole: found by every word of it,
     * its title given back exactly, and its snippet escaped around the highlighter's own {@code <mark>}.
     */
    @Test
    void aCardWhoseTextLooksLikeMarkupIsFoundAndShownAsThatText() {
        String word = "emeadeal" + unique();
        String customer = "Smith & Sons <EMEA> <img src=x onerror=alert(1)>";
        Activity card = Events.hrEvent("Workday", "Deal won: " + customer, customer + " signs " + word, List.of(io.relais.events.Audience.ORGANISATION));
        Events.publishAccepted(card);
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("bob", word)).containsExactly(card.object().id()));
        assertThat(ids("bob", word + " EMEA")).containsExactly(card.object().id());
        Response r = search("bob", word);
        assertThat(r.jsonPath().getString("hits[0].title")).isEqualTo("Deal won: " + customer);
        assertThat(r.jsonPath().getString("hits[0].snippet"))
                .isEqualTo("Smith &amp; Sons &lt;EMEA&gt; &lt;img src=x onerror=alert(1)&gt; signs <mark>" + word + "</mark>");
    }

    /** A community's description is its owner's plain text: indexed whole, shown escaped in the snippet. */
    @Test
    void aCommunityDescriptionWithAngleBracketsIsIndexedAsText() {
        String word = "labsdesc" + unique();
        Activity group = Events.community("labs-" + unique().toLowerCase(), "Labs " + word, "public");
        io.relais.events.AsObject o = group.object();
        Activity described = Activity.builder().type(group.type()).actor(group.actor()).to(group.to())
                .object(io.relais.events.AsObject.builder().id(o.id()).type(o.type()).name(o.name())
                        .summary("R&D <Labs> " + word).to(o.to()).relais(o.relais()).build()).build();
        publish(described);
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("bob", word + " Labs")).containsExactly(o.id()));
        assertThat(search("bob", word).jsonPath().getString("hits[0].snippet"))
                .isEqualTo("R&amp;D &lt;Labs&gt; <mark>" + word + "</mark>");
    }

    @Test
    void anEditedPostIsFoundByItsNewTextAndNoLongerByItsOldText() {
        String before = "avant" + unique();
        String after = "apres" + unique();
        Activity post = Events.orgPost("alice", "<p>" + before + "</p>");
        publish(post);
        await().atMost(Events.WAIT).until(() -> ids("bob", before).size() == 1);
        publish(Events.edit(post, "<p>" + after + "</p>"));
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(ids("bob", after)).containsExactly(post.object().id());
            assertThat(ids("bob", before)).isEmpty();
        });
    }

    @Test
    void aDeletedPostAndItsCommentsAreGone() {
        String word = "ephemere" + unique();
        Activity post = Events.orgPost("alice", "<p>" + word + "</p>");
        publish(post);
        publish(Events.comment("bob", post, "<p>moi aussi " + word + "</p>"));
        await().atMost(Events.WAIT).until(() -> ids("carol", word).size() == 2);
        publish(Events.delete(post));
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("carol", word)).isEmpty());
    }

    @Test
    void frenchWordsMatchAcrossAccentsPluralsAndElision() {
        String tag = unique();
        Activity post = Events.orgPost("alice", "<p>Toute l'équipe " + tag + " est réunie</p>");
        Activity plural = Events.orgPost("alice", "<p>Les equipes " + tag + " sont prêtes</p>");
        publish(post);
        publish(plural);
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(ids("bob", "equipe " + tag)).containsExactlyInAnyOrder(post.object().id(), plural.object().id());
            assertThat(ids("bob", "équipes " + tag)).containsExactlyInAnyOrder(post.object().id(), plural.object().id());
            assertThat(ids("bob", "l'equipe " + tag)).containsExactlyInAnyOrder(post.object().id(), plural.object().id());
            assertThat(ids("bob", "reunie " + tag)).containsExactly(post.object().id());
        });
    }

    @Test
    void englishWordsMatchTheirStems() {
        String tag = unique();
        Activity runs = Events.orgPost("bob", "<p>She runs the " + tag + " migration</p>");
        publish(runs);
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(ids("alice", "running " + tag)).containsExactly(runs.object().id());
            assertThat(ids("alice", "migrations " + tag)).containsExactly(runs.object().id());
        });
    }

    @Test
    void phrasesPrefixesOrAndHashtagsWork() {
        String tag = unique();
        Activity a = Events.orgPost("alice", "<p>Revue trimestrielle " + tag + " du budget</p>", Tag.hashtag("finance" + tag));
        Activity b = Events.orgPost("alice", "<p>Budget trimestriel " + tag + " revu</p>");
        publish(a);
        publish(b);
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(ids("bob", "\"revue trimestrielle\" " + tag)).containsExactly(a.object().id());
            assertThat(ids("bob", "trimest* AND " + tag)).containsExactlyInAnyOrder(a.object().id(), b.object().id());
            assertThat(ids("bob", "#finance" + tag)).containsExactly(a.object().id());
            assertThat(ids("bob", "(revue OR revu) " + tag)).hasSize(2);
        });
    }

    @Test
    void anUpdatedDocumentIsFoundByItsNewTitleAndKeepsItsPublicationDate() {
        String u = unique();
        java.time.Instant published = java.time.Instant.parse("2026-03-02T10:00:00Z");
        publish(Events.document("Create", "doc-" + u, "Contrat cadre " + u, "Version initiale",
                List.of(io.relais.events.Audience.ORGANISATION), published), "/connectors/ecm/sharepoint");
        await().atMost(Events.WAIT).until(() -> ids("bob", "contrat " + u).size() == 1);
        publish(Events.document("Update", "doc-" + u, "Avenant signé " + u, "Version signée",
                List.of(io.relais.events.Audience.ORGANISATION), null), "/connectors/ecm/sharepoint");
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(ids("bob", "avenant " + u)).containsExactly("urn:relais:document:ecm.sharepoint:doc-" + u);
            assertThat(ids("bob", "contrat " + u)).isEmpty();
        });
        Response r = search("bob", "avenant " + u);
        assertThat(r.jsonPath().getString("hits[0].type")).isEqualTo("document");
        assertThat(r.jsonPath().getString("hits[0].source")).isEqualTo("SharePoint");
        assertThat(r.jsonPath().getString("hits[0].url")).isEqualTo("https://ecm.example.com/docs/doc-" + u);
        assertThat(r.jsonPath().getString("hits[0].published")).isEqualTo(published.toString());
        assertThat(r.jsonPath().getString("hits[0].title")).isEqualTo("Avenant signé " + u);
    }

    /**
     * connector-service titles a card in French and English ({@code nameMap}): each language's title is found by each of
     * its words. They are indexed one per line, and the input hygiene, which took titles for one-line text, removed the
     * line break: the last word of one title and the first of the next became one word, found by neither.
     */
    @Test
    void aCardIsFoundByEveryWordOfTheTitleInEachLanguage() {
        String u = unique();
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("fr", "Signature " + u);
        names.put("en", "Contract " + u);
        java.util.Map<String, String> summaries = new java.util.LinkedHashMap<>();
        summaries.put("fr", "Nouveau document");
        summaries.put("en", "New document");
        Activity card = Events.bilingualDocument("document.published", "sig-" + u, "alice", names, summaries,
                List.of(io.relais.events.Audience.ORGANISATION));
        publish(card, "/connectors/ecm/sharepoint");
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("bob", "signature " + u)).containsExactly(card.object().id()));
        assertThat(ids("bob", "contract " + u)).containsExactly(card.object().id());
    }

    @Test
    void aRedeliveredActivityIsIndexedOnce() {
        String word = "doublon" + unique();
        Activity post = Events.orgPost("alice", "<p>" + word + "</p>");
        publish(post);
        publish(post);
        // same record key, so the same partition: once the comment is visible, both copies were applied
        Activity marker = Events.comment("bob", post, "<p>repere" + word + "</p>");
        publish(marker);
        await().atMost(Events.WAIT).until(() -> ids("carol", "repere" + word).size() == 1);
        Response r = search("carol", word);
        assertThat(r.jsonPath().getList("hits.id")).containsExactly(post.object().id());
        assertThat(r.jsonPath().getInt("total")).isEqualTo(1);
    }

    @Test
    void searchNeedsATokenAndAnEmployeeRole() {
        given().queryParam("q", "relais").get("/api/search").then().statusCode(401);
        given().auth().oauth2(TestTokens.client("hr-connector", "connector")).queryParam("q", "relais")
                .get("/api/search").then().statusCode(403);
        given().auth().oauth2(TestTokens.employee("alice")).queryParam("q", "relais")
                .get("/api/search").then().statusCode(200);
    }
}
