package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.CloudEventAttributes;
import io.relais.events.Iri;
import io.relais.events.RecordKey;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forged activities published straight to {@code relais.activities} with a connector's CloudEvents source
 * (issue 12): search-service dead-letters them with the rule, and searches answer as if they never came.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class SourceAuthorityTest {

    static final String GENERIC = "/connectors/generic/forger";

    @Test
    void aJoinIntoASecretCommunityFromAConnectorShowsTheIntruderNothing() {
        String u = unique();
        String slug = "secret-" + u;
        String word = "fusion" + u;
        publish(Events.community(slug, "Comité " + u, "secret"));
        publish(Events.join("olga", slug));
        Activity inside = Events.post("olga", "<p>" + word + "</p>", List.of(Iri.community(slug)), null);
        publish(inside);
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.ids("olga", Map.of("q", word))).containsExactly(inside.object().id()));

        Activity forged = Events.join("ivan", slug);
        publish(forged, GENERIC);

        assertThat(reasonOf(forged)).startsWith("source " + GENERIC + " may not assert Join")
                .contains("memberships are owned by /relais/feed-service");
        assertThat(Api.ids("ivan", Map.of("q", word))).isEmpty();
        assertThat(Api.suggestions("ivan", "Comité " + u, "community")).doesNotContain(Iri.community(slug));
    }

    @Test
    void anHrEventFromANonHrConnectorIsNotSearchable() {
        String word = "promotion" + unique();
        Activity moved = Events.hrEvent("Workday", "Nouveau poste " + word, "Directrice", List.of(io.relais.events.Audience.ORGANISATION));
        publish(moved, GENERIC);

        assertThat(reasonOf(moved)).contains("HR facts are owned by");
        assertThat(Api.ids("alice", Map.of("q", word))).isEmpty();
    }

    /**
     * The index takes a poll at a time: a record it refuses (an HR fact from a generic connector) and a post published
     * right after it under the same key (so one poll holds both) are handled each on its own: the first dead-lettered
     * with its rule, the second searchable.
     */
    @Test
    void aRefusedRecordLeavesTheRestOfItsPollSearchable() {
        String word = "voisinage" + unique();
        Activity forged = Events.hrEvent("Workday", "Nouveau poste " + word, "Directrice", List.of(Audience.ORGANISATION));
        Activity post = Events.post("olga", "<p>" + word + "</p>", List.of(Audience.ORGANISATION), null);
        String key = RecordKey.of(post);

        KafkaProbe.publishTogether(Topics.ACTIVITIES, List.of(
                new KafkaProbe.Outgoing(key, headers(forged, GENERIC), ActivityJson.writeString(forged)),
                new KafkaProbe.Outgoing(key, headers(post, CloudEventAttributes.FEED_SOURCE), ActivityJson.writeString(post))));

        assertThat(reasonOf(forged)).contains("HR facts are owned by");
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.ids("alice", Map.of("q", word))).containsExactly(post.object().id()));
    }

    private static Map<String, String> headers(Activity a, String source) {
        return KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(a), CloudEventAttributes.type(a), source,
                CloudEventAttributes.subject(a));
    }

    @Test
    void anUpdateAndADeleteOfAnEmployeesPostFromAConnectorChangeNoHit() {
        String u = unique();
        String original = "original" + u;
        String forgedWord = "falsifie" + u;
        Activity post = Events.orgPost("paul", "<p>" + original + "</p>");
        publish(post);
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.ids("alice", Map.of("q", original))).containsExactly(post.object().id()));

        Activity update = Events.edit(post, "<p>" + forgedWord + "</p>");
        Activity delete = Events.delete(post);
        publish(update, GENERIC);
        publish(delete, GENERIC);

        assertThat(reasonOf(update)).contains("may not assert Update Note", "is not in urn:relais:external:generic.forger:");
        assertThat(reasonOf(delete)).contains("may not assert Delete Tombstone");
        assertThat(Api.ids("alice", Map.of("q", original))).containsExactly(post.object().id());
        assertThat(Api.ids("alice", Map.of("q", forgedWord))).isEmpty();
    }

    /**
     * A second document system of the ecm source (Alfresco beside SharePoint) sends an Update of SharePoint's document
     * card, same id: the card names its system, so the Update is dead-lettered naming the namespace rule, and the hit
     * keeps SharePoint's title.
     */
    @Test
    void anUpdateOfAnotherDocumentSystemsCardChangesNoHit() {
        String u = unique();
        String docId = "doc-" + u;
        Activity created = Events.document("Create", docId, "Charte originale " + u, "Version de SharePoint",
                List.of(io.relais.events.Audience.ORGANISATION), java.time.Instant.parse("2026-03-02T10:00:00Z"));
        publish(created, "/connectors/ecm/sharepoint");
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.ids("alice", Map.of("q", "originale " + u))).containsExactly(created.object().id()));

        io.relais.events.AsObject alfresco = io.relais.events.AsObject.builder().id("urn:relais:source:ecm.alfresco")
                .type(io.relais.events.As2.APPLICATION).name("Alfresco").build();
        Activity rewrite = Events.document("Update", docId, "Charte remplacee " + u, "Version d'Alfresco",
                List.of(io.relais.events.Audience.ORGANISATION), null).toBuilder().actor(alfresco.id()).generator(alfresco).build();
        publish(rewrite, "/connectors/ecm/alfresco");

        assertThat(reasonOf(rewrite)).startsWith("source /connectors/ecm/alfresco may not assert Update Document")
                .contains(created.object().id() + " is not in urn:relais:document:ecm.alfresco:");
        assertThat(Api.ids("alice", Map.of("q", "remplacee " + u))).isEmpty();
        assertThat(Api.ids("alice", Map.of("q", "originale " + u))).containsExactly(created.object().id());
    }

    /**
     * A rebuild replays the log, refused records included: a connector's Join into a secret community, dead-lettered
     * when it came, stays refused after a rebuild, and the intruder still finds nothing of the community.
     */
    @Test
    void aRefusedJoinStaysRefusedAfterARebuild() {
        String u = unique();
        String slug = "rebuilt-secret-" + u;
        String word = "ourson" + u;
        String intruder = "ivo" + u;
        publish(Events.community(slug, "Rebâti " + u, "secret"));
        publish(Events.join("olga", slug));
        Activity inside = Events.post("olga", "<p>" + word + "</p>", List.of(Iri.community(slug)), null);
        publish(inside);
        Activity forged = Events.join(intruder, slug);
        publish(forged, GENERIC);
        assertThat(reasonOf(forged)).contains("memberships are owned by /relais/feed-service");
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.ids("olga", Map.of("q", word))).containsExactly(inside.object().id()));
        assertThat(Api.ids(intruder, Map.of("q", word))).isEmpty();

        String admin = TestTokens.user("carol", "employee", "admin");
        given().auth().oauth2(admin).post("/api/search/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(given().auth().oauth2(admin).get("/api/search/admin/rebuild").jsonPath().getString("state"))
                        .isEqualTo("done"));

        assertThat(Api.ids("olga", Map.of("q", word))).as("a member, after the rebuild").containsExactly(inside.object().id());
        assertThat(Api.ids(intruder, Map.of("q", word))).as("the intruder, after the rebuild").isEmpty();
        assertThat(Api.suggestions(intruder, "rebâti " + u, "community")).as("suggestions").isEmpty();
    }

    /**
     * {@code relais.profiles} carries people: a connector's object there that is no person (here a Note in its own
     * namespace, which it may publish on relais.activities) does not become a person in people search or suggestions,
     * and a tombstone keyed by a post's IRI does not erase the post.
     */
    @Test
    void onlyPeopleAreReadFromTheProfilesTopic() {
        String u = unique();
        String fake = "Directrice Generale " + u;
        AsObject note = AsObject.builder().id("urn:relais:external:generic.forger:" + u).type(As2.NOTE).name(fake)
                .to(List.of(Audience.ORGANISATION)).build();
        Activity forged = Activity.builder().type(As2.UPDATE).actor("urn:relais:source:generic.forger").object(note)
                .to(Audience.ORGANISATION).build();
        KafkaProbe.publish(Topics.PROFILES, note.id(), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(forged),
                CloudEventAttributes.type(forged), GENERIC, note.id()), ActivityJson.writeString(forged));
        // settled once it is dead-lettered, or once it took effect (what the assertion below then reports)
        await().atMost(Events.WAIT).until(() -> deadLettered(Topics.PROFILES_DLQ, note.id())
                || people(fake).contains(note.id()));
        assertThat(people(fake)).as("people search").doesNotContain(note.id());
        assertThat(KafkaProbe.header(KafkaProbe.recordsNow(Topics.PROFILES_DLQ, r -> note.id().equals(r.key())).get(0),
                "dead-letter-reason")).contains("relais.profiles carries people");
        assertThat(Api.suggestions("alice", "directrice generale " + u, "person")).as("suggestions").doesNotContain(note.id());

        String word = "cible" + u;
        Activity post = Events.orgPost("paul", "<p>" + word + "</p>");
        publish(post);
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.ids("alice", Map.of("q", word))).containsExactly(post.object().id()));
        KafkaProbe.publish(Topics.PROFILES, post.object().id(), Map.of(), null);
        await().atMost(Events.WAIT).until(() -> deadLettered(Topics.PROFILES_DLQ, post.object().id())
                || Api.ids("alice", Map.of("q", word)).isEmpty());
        assertThat(Api.ids("alice", Map.of("q", word))).as("the post").containsExactly(post.object().id());
    }

    private static List<String> people(String q) {
        return Api.get("/api/search/people", "alice", Map.of("q", q)).jsonPath().getList("people.id");
    }

    /** Whether a record of this key is on the dead-letter topic now. */
    private static boolean deadLettered(String dlq, String key) {
        return !KafkaProbe.recordsNow(dlq, r -> key.equals(r.key())).isEmpty();
    }

    /** Waits for the record on the dead-letter topic (the consumer has refused it) and answers its reason. */
    private static String reasonOf(Activity a) {
        ConsumerRecord<String, String> letter = KafkaProbe.awaitRecords(Topics.ACTIVITIES_DLQ,
                r -> r.value() != null && r.value().contains(a.id()) && KafkaProbe.header(r, "dead-letter-reason") != null,
                1, Events.WAIT).get(0);
        return KafkaProbe.header(letter, "dead-letter-reason");
    }
}
