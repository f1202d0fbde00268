package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.CloudEventAttributes;
import io.relais.events.Iri;
import io.relais.events.PersonErasure;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Delete of a person from profile-service takes everything of them out of the index: people search by name,
 * content search by their words, suggestions and facets; the same Delete from anyone else is dead-lettered.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class PersonErasureTest {

    static void publishDelete(String login, String source) {
        Activity delete = PersonErasure.delete(Iri.person(login), Iri.person("carol"));
        KafkaProbe.publish(Topics.PROFILES, Iri.person(login), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(delete),
                PersonErasure.CE_TYPE, source, Iri.person(login)), ActivityJson.writeString(delete));
    }

    static List<String> people(String q) {
        Response r = Api.get("/api/search/people", "bob", Map.of("q", q));
        r.then().statusCode(200);
        return r.jsonPath().getList("people.id");
    }

    @Test
    void afterErasureNeitherTheirNameNorTheirWordsFindAnything() {
        String u = unique();
        String gone = "zebulon" + u;
        String word = "quiddite" + u;
        Events.profile(gone, "Zébulon Marchand" + u, "Acheteur", "Achats", List.of("negociation" + u), "Bio " + word);
        Activity theirPost = Events.orgPost(gone, "<p>Mon idée " + word + "</p>");
        Activity colleaguePost = Events.orgPost("bob", "<p>Question du jour " + u + "</p>");
        Activity theirComment = Events.comment(gone, colleaguePost, "<p>Réponse " + word + "</p>");
        publish(theirPost);
        publish(colleaguePost);
        publish(theirComment);
        publish(Events.like(gone, colleaguePost, "like"));
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(people("marchand" + u)).containsExactly(Iri.person(gone));
            assertThat(Api.ids("bob", Map.of("q", word))).contains(theirPost.object().id(), theirComment.object().id());
            assertThat(Api.suggestions("bob", "zebulon marchand" + u, "person")).contains(Iri.person(gone));
        });

        publishDelete(gone, CloudEventAttributes.PROFILE_SOURCE);

        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(people("marchand" + u)).isEmpty();
            assertThat(people("negociation" + u)).isEmpty();
            assertThat(Api.ids("bob", Map.of("q", word))).isEmpty();
            assertThat(Api.suggestions("bob", "zebulon marchand" + u, "person")).isEmpty();
            assertThat(Api.facet(Api.search("bob", Map.of("q", "question du jour " + u)), "author"))
                    .doesNotContainKey(Iri.person(gone));
        });
        assertThat(Api.ids("bob", Map.of("q", "question du jour " + u))).containsExactly(colleaguePost.object().id());
    }

    @Test
    void aDeleteOfAPersonFromAnotherProducerIsDeadLetteredAndChangesNothing() {
        String u = unique();
        String kept = "kept" + u;
        Events.profile(kept, "Gardé Durand" + u, "Juriste", "Juridique", List.of(), "");
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(people("durand" + u)).containsExactly(Iri.person(kept)));

        publishDelete(kept, "/connectors/hr/workday");

        ConsumerRecord<String, String> dead = KafkaProbe.awaitRecords(Topics.PROFILES_DLQ,
                r -> Iri.person(kept).equals(r.key()) && KafkaProbe.header(r, "dead-letter-reason") != null, 1, Events.WAIT).get(0);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason")).contains("may not assert").contains("erasures of people");
        assertThat(people("durand" + u)).containsExactly(Iri.person(kept));
    }

    /**
     * The erasure of someone whose post a moderator hid leaves its thread hidden: their post's Delete from feed-service
     * comes later, on another topic, and until then the others' comments under it must stay out of search.
     */
    @Test
    void anErasureLeavesTheThreadOfTheirHiddenPostHidden() {
        String u = unique();
        String gone = "hidalgo" + u;
        String word = "reponse" + u;
        Events.profile(gone, "Hidalgo Efface" + u, "Acheteur", "Achats", List.of(), "");
        Activity theirPost = Events.orgPost(gone, "<p>Sujet masque</p>");
        Activity comment = Events.comment("bob", theirPost, "<p>Ma " + word + "</p>");
        publish(theirPost);
        publish(comment);
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(Api.ids("carol", Map.of("q", word))).containsExactly(comment.object().id());
            assertThat(people("efface" + u)).containsExactly(Iri.person(gone));
        });
        publish(ModerationIndexingTest.decision(theirPost, "hide", true));
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(Api.ids("carol", Map.of("q", word))).isEmpty());

        publishDelete(gone, CloudEventAttributes.PROFILE_SOURCE);
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(people("efface" + u)).isEmpty());
        assertThat(Api.ids("carol", Map.of("q", word))).as("a comment under their hidden post").isEmpty();
    }
}
