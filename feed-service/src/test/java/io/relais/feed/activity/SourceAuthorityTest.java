package io.relais.feed.activity;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.CloudEventAttributes;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.RecordKey;
import io.relais.events.RelaisExtension;
import io.relais.events.Tag;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.homeIds;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Forged activities published straight to {@code relais.activities} with a connector's CloudEvents source
 * (issue 12): every consumer of feed-service that reads such a record dead-letters it with the rule, and nothing a
 * person sees changes. A consumer passes over unread what the record's headers say it has no use for (issue 18:
 * the card projection never reads a Join), so the number of dead letters is the number of consumers that read it.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class SourceAuthorityTest {

    static final String GENERIC = "/connectors/generic/forger";
    /**
     * The feed-service consumer groups that dead-letter: timeline (card projection and fan-out) and notifications
     * (notifications and activity log); a record refused by its source is dead-lettered once per group, before any
     * of its projections.
     */
    static final int DEAD_LETTERING_CONSUMERS = 2;
    /** Those that read a Join: notifications (card projection and fan-out pass it over unread, so timeline does). */
    static final int READING_A_JOIN = 1;
    /** Those that read an Update or Delete of a post: both (the fan-out reads them). */
    static final int READING_A_POST_CHANGE = 2;
    /** Those that read a View: notifications (card projection and fan-out pass it over unread, so timeline does). */
    static final int READING_A_VIEW = 1;

    @Test
    void aJoinIntoASecretCommunityFromAConnectorIsDeadLetteredAndGrantsNothing() {
        String owner = fresh("olga");
        String intruder = fresh("ivan");
        String slug = community(owner, "secret");
        String secretPost = post(owner, "Plan de réorganisation", slug);
        Activity join = Activity.builder().type(As2.JOIN).actor(Iri.person(intruder)).object(AsObject.ref(Iri.community(slug)))
                .to(Audience.ORGANISATION).relais(RelaisExtension.builder().role("owner").build()).build();

        forge(join);

        assertEveryReaderRefused(join, READING_A_JOIN, "may not assert Join", "memberships are owned by /relais/feed-service");
        as(intruder).get("/api/communities/{slug}", slug).then().statusCode(404);
        as(intruder).get("/api/posts/{id}", Iri.localId(secretPost)).then().statusCode(404);
        as(intruder).get("/api/activities/{id}", Iri.localId(join.id())).then().statusCode(404);
    }

    @Test
    void anHrMoveFromANonHrConnectorIsDeadLetteredAndMakesNoCard() {
        String employee = fresh("emma");
        String card = Iri.of(Iri.BUSINESS_EVENT, EventId.next());
        Map<String, Object> business = RelaisExtension.builder().business(new RelaisExtension.Business("hr", "employee.moved",
                "workday", EventId.next(), Map.of("login", employee, "title", "Directrice"))).build();
        Activity moved = Activity.builder().type(As2.CREATE).actor("urn:relais:source:generic.forger")
                .object(AsObject.builder().id(card).type(As2.EVENT).name("Nouveau poste").summary("<script>alert(1)</script>")
                        .tag(List.of(Tag.mention(Iri.person(employee), employee)))
                        .to(Audience.ORGANISATION).relais(business).build())
                .to(Audience.ORGANISATION).relais(business).build();

        forge(moved);

        assertEveryReaderRefused(moved, DEAD_LETTERING_CONSUMERS, "may not assert Create Event", "HR facts are owned by");
        as(employee).get("/api/posts/{id}", card).then().statusCode(404);
        as(employee).get("/api/activities/{id}", Iri.localId(moved.id())).then().statusCode(404);
    }

    @Test
    void anUpdateAndADeleteOfAnEmployeesPostFromAConnectorAreDeadLetteredAndTheTextStays() {
        String author = fresh("paul");
        String postIri = post(author, "Le texte de Paul", null);
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(homeIds(author)).contains(postIri));
        Activity update = Activity.builder().type(As2.UPDATE).actor(Iri.person(author))
                .object(AsObject.builder().id(postIri).type(As2.NOTE).attributedTo(Iri.person(author))
                        .content("<p>Texte falsifié</p>").to(Audience.ORGANISATION).build())
                .to(Audience.ORGANISATION).build();
        Activity delete = Activity.builder().type(As2.DELETE).actor(Iri.person(author))
                .object(AsObject.builder().id(postIri).type(As2.TOMBSTONE).formerType(As2.NOTE).build())
                .to(Audience.ORGANISATION).build();

        forge(update);
        forge(delete);

        assertEveryReaderRefused(update, READING_A_POST_CHANGE, "may not assert Update Note", "is not in urn:relais:external:generic.forger:");
        assertEveryReaderRefused(delete, READING_A_POST_CHANGE, "may not assert Delete Tombstone", "posts, comments and other objects");
        as(author).get("/api/posts/{id}", Iri.localId(postIri)).then().statusCode(200)
                .body("post.source", equalTo("Le texte de Paul")).body("post.content", equalTo("<p>Le texte de Paul</p>"));
        assertThat(homeIds(author)).contains(postIri);
    }

    @Test
    void aViewFromAConnectorIsDeadLettered() {
        String author = fresh("nina");
        String postIri = post(author, "Un post ouvert par personne", null);
        Activity view = Activity.builder().type(As2.VIEW).actor(Iri.person(fresh("ghost"))).object(AsObject.ref(postIri)).build();

        forge(view);

        assertEveryReaderRefused(view, READING_A_VIEW, "may not assert View", "opens of posts, announcements and cards are owned by /relais/feed-service");
    }

    private static void forge(Activity a) {
        KafkaProbe.publish(Topics.ACTIVITIES, RecordKey.of(a), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(a),
                CloudEventAttributes.type(a), GENERIC, CloudEventAttributes.subject(a)), ActivityJson.writeString(a));
    }

    /** Waits until each dead-lettering consumer that reads the record has sent it to the dead-letter topic with the rule as reason. */
    private static void assertEveryReaderRefused(Activity a, int readers, String... reasonParts) {
        String ceId = CloudEventAttributes.id(a);
        List<ConsumerRecord<String, String>> letters = KafkaProbe.awaitRecords(Topics.ACTIVITIES_DLQ,
                r -> ceId.equals(KafkaProbe.header(r, "ce_id")), readers, Duration.ofSeconds(40));
        for (ConsumerRecord<String, String> letter : letters) {
            assertThat(KafkaProbe.header(letter, "dead-letter-reason")).startsWith("source " + GENERIC).contains(reasonParts);
            assertThat(KafkaProbe.header(letter, "dead-letter-topic")).isEqualTo(Topics.ACTIVITIES);
        }
    }
}
