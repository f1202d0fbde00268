package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.relais.connector.ConnectorFixtures.unique;
import static io.relais.connector.GenericFixtures.GENERATOR;
import static io.relais.connector.GenericFixtures.asIntranet;
import static io.relais.connector.GenericFixtures.cloudEvent;
import static io.relais.connector.GenericFixtures.publishedFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every legal Activity Streams 2.0 shape of the same news item (single values or arrays, IRIs, Links or embedded
 * objects, language maps or {@code @language}, a Hashtag without href…) is accepted and published as the same card.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class As2ShapesTest {

    /** What a reader of the card sees, whatever shape it was sent in. */
    record Card(String type, String name, Map<String, String> nameMap, String summary, Map<String, String> summaryMap,
                String url, List<String> hashtags, List<String> to, String actor, String generatorName) {
        static Card of(Activity a) {
            AsObject o = a.object();
            return new Card(o.type(), o.name(), o.nameMap(), o.summary(), o.summaryMap(), o.url(), o.hashtags(), a.to(),
                    a.actor(), a.generator().name());
        }
    }

    static final Card EXPECTED = new Card(As2.EVENT, "Fête d'été", Map.of("fr", "Fête d'été"), "Inscriptions ouvertes",
            Map.of("fr", "Inscriptions ouvertes"), "https://intranet.example/n/1", List.of("urn:relais:hashtag:ete"),
            List.of(Audience.ORGANISATION), GENERATOR, "Intranet");

    @BeforeEach
    void registerTheIntranet() {
        ConnectorFixtures.knownWorld();
        GenericFixtures.registerTheIntranet();
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("single values, IRIs, @language in the context", """
                        {"@context":["https://www.w3.org/ns/activitystreams",{"@language":"fr"}],"type":"Create",
                         "actor":"https://intranet.example/users/cms",
                         "object":{"type":"Note","id":"%s","name":"Fête d'été","summary":"Inscriptions ouvertes",
                                   "url":"https://intranet.example/n/1",
                                   "tag":{"type":"Hashtag","href":"https://intranet.example/tags/ete","name":"#ete"}},
                         "to":"urn:relais:audience:organisation"}"""),
                Arguments.of("arrays wherever AS2 allows one", """
                        {"@context":"https://www.w3.org/ns/activitystreams","type":["Create"],
                         "actor":["https://intranet.example/users/cms"],
                         "object":[{"@context":{"@language":"fr"},"type":["Note","schema:NewsArticle"],"id":"%s",
                                    "name":"Fête d'été","summary":"Inscriptions ouvertes",
                                    "url":["https://intranet.example/n/1","https://intranet.example/n/1.amp"],
                                    "tag":[{"type":"Hashtag","name":"#ete"}]}],
                         "to":["urn:relais:audience:organisation"],"cc":[]}"""),
                Arguments.of("Links for url, to and the actor", """
                        {"type":"Create","actor":{"type":"Link","href":"https://intranet.example/users/cms"},
                         "object":{"type":"Note","id":"%s","nameMap":{"fr":"Fête d'été"},"summaryMap":{"fr":"Inscriptions ouvertes"},
                                   "url":{"type":"Link","href":"https://intranet.example/n/1","mediaType":"text/html"},
                                   "tag":[{"type":"Hashtag","name":"ete"}]},
                         "to":{"type":"Link","href":"urn:relais:audience:organisation"}}"""),
                Arguments.of("embedded objects for the actor, url and audience; as:Public", """
                        {"type":"Create","actor":{"type":"Application","id":"https://intranet.example/cms","name":"CMS"},
                         "object":{"type":"Note","id":"%s","name":"Fête d'été","summary":"Inscriptions ouvertes",
                                   "@context":[{"@language":"fr"}],
                                   "url":[{"type":"Link","href":"https://intranet.example/n/1","rel":"canonical"}],
                                   "tag":[{"type":"Hashtag","name":"#ete"},{"type":"Emoji","name":":sun:"}],
                                   "to":["as:Public"]}}"""),
                Arguments.of("an Article with a Mention without href and the public collection", """
                        {"@context":["https://www.w3.org/ns/activitystreams",{"@language":"fr"}],"type":"Create",
                         "object":{"type":"Article","id":"%s","name":"Fête d'été","summary":"<p>Inscriptions <em>ouvertes</em></p>",
                                   "url":"https://intranet.example/n/1",
                                   "tag":[{"type":"Hashtag","name":"#ete"},{"type":"Mention","name":"@alice"}]},
                         "to":[{"type":"Collection","id":"https://www.w3.org/ns/activitystreams#Public"}]}"""),
                Arguments.of("an Add of the object to the system's own collection", """
                        {"@context":["https://www.w3.org/ns/activitystreams",{"@language":"fr"}],"type":"Add",
                         "target":{"type":"Collection","id":"https://intranet.example/news"},
                         "object":{"type":"Question","id":"%s","name":"Fête d'été","summary":"Inscriptions ouvertes",
                                   "url":"https://intranet.example/n/1","tag":{"type":"Hashtag","name":"#ete"}},
                         "to":"Public"}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyLegalShapeBecomesTheSameCard(String shape, String activity) {
        String ceId = unique("shape");
        String id = unique("news");
        asIntranet().body(cloudEvent(ceId, activity.formatted(id))).post("/api/connectors/generic/events")
                .then().statusCode(202);
        Activity a = publishedFor(ceId);
        assertThat(a.type()).isEqualTo(As2.CREATE);
        assertThat(a.object().id()).isEqualTo("urn:relais:external:generic.intranet:" + id);
        assertThat(Card.of(a)).isEqualTo(EXPECTED);
    }

    @Test
    void documentsPagesAndMediaBecomeDocumentCardsAndEverythingElseAnEventCard() {
        Map<String, String> expected = Map.of("Document", As2.DOCUMENT, "Page", As2.DOCUMENT, "Video", As2.DOCUMENT,
                "Note", As2.EVENT, "Event", As2.EVENT, "Offer", As2.EVENT, "Question", As2.EVENT, "Place", As2.EVENT);
        expected.forEach((given, card) -> {
            String ceId = unique("shape");
            asIntranet().body(cloudEvent(ceId, """
                    {"type":"Create","object":{"type":"%s","name":"Élément %s","url":{"type":"Link","href":"https://intranet.example/x"},
                     "mediaType":"application/pdf","attachment":[{"type":"Document","name":"Annexe","url":"https://intranet.example/a.pdf"}]}}"""
                    .formatted(given, given))).post("/api/connectors/generic/events").then().statusCode(202);
            Activity a = publishedFor(ceId);
            assertThat(a.object().type()).as(given).isEqualTo(card);
            assertThat(a.object().name()).isEqualTo("Élément " + given);
            assertThat(a.object().attachment()).extracting(AsObject::url).containsExactly("https://intranet.example/a.pdf");
            @SuppressWarnings("unchecked")
            Map<String, Object> facts = (Map<String, Object>) ((Map<String, Object>) a.object().relais().get("business")).get("data");
            assertThat(facts).containsEntry("objectType", given);
        });
    }

    @Test
    void contentInSeveralLanguagesKeepsEachAndSummarisesTheCard() {
        String ceId = unique("shape");
        asIntranet().body(cloudEvent(ceId, """
                {"type":"Create","object":{"type":"Note",
                 "contentMap":{"fr":"<p>La cantine ferme à 14 h.</p>","en":"<p>The canteen closes at 2 pm.</p>"}}}"""))
                .post("/api/connectors/generic/events").then().statusCode(202);
        AsObject o = publishedFor(ceId).object();
        assertThat(o.contentMap()).containsEntry("fr", "<p>La cantine ferme à 14 h.</p>")
                .containsEntry("en", "<p>The canteen closes at 2 pm.</p>");
        assertThat(o.summaryMap()).containsEntry("fr", "La cantine ferme à 14 h.").containsEntry("en", "The canteen closes at 2 pm.");
        assertThat(o.summary()).isEqualTo("La cantine ferme à 14 h.");
    }
}
