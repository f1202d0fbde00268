package io.relais.profile.intake;

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
import io.relais.events.Topics;
import io.relais.testing.KafkaBroker;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.relais.profile.Fixtures.WAIT;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.hr;
import static io.relais.profile.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Forged activities published straight to {@code relais.activities} with a connector's CloudEvents source
 * (issue 12): no profile changes. A forged membership or post change is read and dead-lettered here with the rule;
 * a card from a connector other than hr is passed over unread (issue 18), so its forged HR fact is never applied
 * (feed-service's card projection dead-letters it). The same HR event from the {@code hr} connector is applied, so
 * the refusal is about the producer and nothing else.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class SourceAuthorityTest {

    static final String GENERIC = "/connectors/generic/forger";
    /** The first record of a test JVM waits for the consumer group's first join, slow on a busy machine. */
    static final Duration FIRST_DELIVERY = Duration.ofSeconds(120);
    final String reader = employee("alice");

    @Test
    void anHrMoveCardFromANonHrConnectorIsNotAppliedAndTheProfileStays() {
        String emma = unique("emma");
        hr("employee.hired", emma).with("displayName", "Emma").with("title", "Account manager").publish();
        awaitTitle(emma, "Account manager", FIRST_DELIVERY);

        Activity moved = hr("employee.moved", emma).with("title", "Directrice générale").with("manager", "mallory").activity();
        forge(moved);

        // a card from a connector other than hr is passed over by its headers (feed-service's card projection, which
        // reads every card, dead-letters this one with the rule): once the consumer is past it, nothing changed
        awaitReadPast(moved);
        as(reader).get("/api/people/{login}", emma).then().statusCode(200)
                .body("title", equalTo("Account manager")).body("manager", org.hamcrest.Matchers.nullValue());

        hr("employee.moved", emma).with("title", "Data analyst").publish(); // the same fact from its owner
        awaitTitle(emma, "Data analyst", WAIT);
    }

    @Test
    void aJoinAndAnUpdateAndDeleteOfAPostFromAConnectorAreDeadLettered() {
        String paul = unique("paul");
        String post = Iri.post(EventId.next());
        Activity join = Activity.builder().type(As2.JOIN).actor(Iri.person(paul))
                .object(AsObject.ref(Iri.community("board-" + paul))).to(Audience.ORGANISATION).build();
        Activity update = Activity.builder().type(As2.UPDATE).actor(Iri.person(paul))
                .object(AsObject.builder().id(post).type(As2.NOTE).attributedTo(Iri.person(paul)).content("falsifié")
                        .to(Audience.ORGANISATION).build()).to(Audience.ORGANISATION).build();
        Activity delete = Activity.builder().type(As2.DELETE).actor(Iri.person(paul))
                .object(AsObject.builder().id(post).type(As2.TOMBSTONE).build()).to(Audience.ORGANISATION).build();

        for (Activity a : new Activity[]{join, update, delete}) forge(a);

        assertThat(KafkaProbe.header(awaitDeadLetter(join), "dead-letter-reason")).contains("memberships are owned by");
        assertThat(KafkaProbe.header(awaitDeadLetter(update), "dead-letter-reason")).contains("posts, comments and other objects");
        assertThat(KafkaProbe.header(awaitDeadLetter(delete), "dead-letter-reason")).contains("posts, comments and other objects");
    }

    private void awaitTitle(String login, String title, Duration patience) {
        await().atMost(patience).untilAsserted(() -> as(reader).get("/api/people/{login}", login)
                .then().statusCode(200).body("title", equalTo(title)));
    }

    private static void forge(Activity a) {
        KafkaProbe.publish(Topics.ACTIVITIES, RecordKey.of(a), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(a),
                CloudEventAttributes.type(a), GENERIC, CloudEventAttributes.subject(a)), ActivityJson.writeString(a));
    }

    /** Waits until profile-service's consumer group has committed an offset past the record of this activity. */
    private static void awaitReadPast(Activity a) {
        ConsumerRecord<String, String> record = KafkaProbe.awaitRecords(Topics.ACTIVITIES,
                r -> r.value() != null && r.value().contains(a.id()), 1, Duration.ofSeconds(40)).get(0);
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(40)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("profile-service")
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(Activity a) {
        return KafkaProbe.awaitRecords(Topics.ACTIVITIES_DLQ, r -> r.value() != null && r.value().contains(a.id())
                && KafkaProbe.header(r, "dead-letter-reason") != null, 1, Duration.ofSeconds(40)).get(0);
    }
}
