package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Finding colleagues by what they do and know, from relais.profiles snapshots. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class PeopleSearchTest {

    static List<String> people(String login, String q) {
        Response r = Api.get("/api/search/people", login, Map.of("q", q));
        r.then().statusCode(200);
        return r.jsonPath().getList("people.id");
    }

    @Test
    void peopleAreFoundByNameTitleDepartmentSkillsAndBio() {
        String u = unique();
        String login = "lea" + u;
        String skill = "kubernetes" + u;
        Events.profile(login, "Léa Dupont" + u, "Ingénieure données", "Recherche" + u, List.of(skill, "Python"),
                "Passionnée de visualisation" + u);
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(people("bob", skill)).containsExactly(Iri.person(login));
            assertThat(people("bob", "lea dupont" + u)).containsExactly(Iri.person(login));
            assertThat(people("bob", "recherche" + u)).containsExactly(Iri.person(login));
            assertThat(people("bob", "visualisation" + u)).containsExactly(Iri.person(login));
        });
        Response r = Api.get("/api/search/people", "bob", Map.of("q", skill));
        assertThat(r.jsonPath().getString("people[0].title")).isEqualTo("Ingénieure données");
        assertThat(r.jsonPath().getList("people[0].skills")).contains(skill, "Python");
        assertThat(r.jsonPath().getString("people[0].snippet")).contains("<mark>");
    }

    @Test
    void theExpertiseFinderNamesWhoWritesAboutATopic() {
        String u = unique();
        String topic = "graphql" + u;
        Events.profile("mallory" + u, "Mallory Expert", "Architecte", "IT", List.of(), "");
        publish(Events.orgPost("mallory" + u, "<p>Migration " + topic + " terminée</p>"));
        publish(Events.orgPost("mallory" + u, "<p>Retour d'expérience " + topic + "</p>"));
        publish(Events.orgPost("niaj" + u, "<p>Question sur " + topic + "</p>"));
        await().atMost(Events.WAIT).untilAsserted(() -> {
            Response r = Api.get("/api/search/people", "bob", Map.of("q", topic));
            r.then().statusCode(200);
            assertThat(r.jsonPath().getList("contributors.id")).containsExactly(Iri.person("mallory" + u), Iri.person("niaj" + u));
            assertThat(r.jsonPath().getList("contributors.matchingItems")).containsExactly(2, 1);
            assertThat(r.jsonPath().getString("contributors[0].name")).isEqualTo("Mallory Expert");
        });
    }

    @Test
    void peopleAreSuggestedByNamePrefixAndAnErasedProfileDisappears() {
        String u = unique();
        String login = "oscar" + u;
        Events.profile(login, "Oscar Lefèvre" + u, "Comptable", "Finance", List.of(), "");
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.suggestions("bob", "osc lefevre" + u.substring(0, 3), "person")).contains(Iri.person(login)));
        Events.profileErased(login);
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(Api.suggestions("bob", "oscar lefevre" + u, "person")).isEmpty();
            assertThat(people("bob", "lefevre" + u)).isEmpty();
        });
    }

    @Test
    void whoseLoginOrNameBeginsWithWhatIsTypedIsSuggestedBeforeWhoseNameOnlyHasSuchAWord() {
        String u = unique();
        // indexed first, so first in index order: only a later word of the name begins with what is typed
        Events.profile("zed" + u, "Zed Yanis" + u, "Graphiste", "Design", List.of(), "");
        Events.profile("yanis" + u, "Yanis" + u + " Roux", "Comptable", "Finance", List.of(), "");
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.suggestions("bob", "yanis" + u, "person"))
                        .containsExactly(Iri.person("yanis" + u), Iri.person("zed" + u)));
    }
}
