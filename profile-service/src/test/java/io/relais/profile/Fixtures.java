package io.relais.profile;

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
import io.relais.testing.KafkaProbe;
import io.relais.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Small builders shared by the tests: unique logins, tokens, HR events shaped like connector-service's. */
public final class Fixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    public static final Duration WAIT = Duration.ofSeconds(30);

    private Fixtures() {
    }

    /** A login no other test uses, e.g. "dave-7-k3x9". */
    public static String unique(String name) {
        return name + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 4);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String employee(String login) {
        return TestTokens.user(login, "employee");
    }

    public static String admin() {
        return TestTokens.user("carol", "employee", "admin");
    }

    /** The HR system's service account: a connector that also carries the SCIM {@code provisioning} role. */
    public static String hrSystem() {
        return TestTokens.client("hr-connector", "connector", "provisioning");
    }

    /** Another business system's service account (the CRM's, the ECM's): the {@code connector} role only. */
    public static String businessSystem(String clientId) {
        return TestTokens.client(clientId, "connector");
    }

    /** An HR business event as connector-service publishes it for the Workday system. */
    public static HrEvent hr(String eventType, String login) {
        return new HrEvent(eventType, login);
    }

    /**
     * An HR event as connector-service maps it: the activity's {@code published} is when connector-service received it
     * ({@link #at}), and its object carries HR's own {@code occurredAt} ({@link #occurredAt}; the same as {@code at}
     * unless set): as {@code published} for a {@code Create} (the shipped mappings), as {@code updated} for an
     * {@code Update} ({@link #asUpdate}, a mapping an administrator may write).
     */
    public static final class HrEvent {
        private final String eventType;
        private final Map<String, Object> data = new LinkedHashMap<>();
        private Instant at = Instant.now();
        private Instant occurredAt;
        private boolean update;
        private final String objectId = Iri.of(Iri.BUSINESS_EVENT, UUID.randomUUID().toString());
        private final String activityId = Iri.of(Iri.ACTIVITY, EventId.next());

        HrEvent(String eventType, String login) {
            this.eventType = eventType;
            data.put("login", login);
        }

        public HrEvent with(String key, Object value) {
            data.put(key, value);
            return this;
        }

        /** When connector-service received it: the activity's {@code published}. */
        public HrEvent at(Instant when) {
            at = when;
            return this;
        }

        /** When HR says it happened (the event's {@code occurredAt}): the object's {@code published}, or {@code updated}. */
        public HrEvent occurredAt(Instant when) {
            occurredAt = when;
            return this;
        }

        /** Mapped as an {@code Update}, HR's time in the object's {@code updated}, as a mapping of activity Update does. */
        public HrEvent asUpdate() {
            update = true;
            return this;
        }

        public Activity activity() {
            String login = String.valueOf(data.get("login"));
            Map<String, Object> business = Map.of("source", "hr", "eventType", eventType, "system", "workday",
                    "sourceEventId", "wd-" + objectId.hashCode(), "data", data);
            Instant occurred = occurredAt == null ? at : occurredAt;
            AsObject.Builder event = AsObject.builder().id(objectId).type(As2.EVENT)
                    .name("HR: " + eventType + " " + login)
                    .nameMap(Map.of("fr", "RH : " + login, "en", "HR: " + login))
                    .summaryMap(Map.of("fr", "Événement RH", "en", "HR event"))
                    .attributedTo(Iri.person(login)).to(Audience.ORGANISATION)
                    .relais(Map.of("business", business));
            if (update) event.updated(occurred);
            else event.published(occurred);
            return Activity.builder().id(activityId).type(update ? As2.UPDATE : As2.CREATE).actor(Iri.of(Iri.SOURCE, "hr"))
                    .generator(AsObject.builder().type(As2.APPLICATION).id(Iri.of(Iri.SOURCE, "hr")).name("Workday").build())
                    .object(event.build()).to(Audience.ORGANISATION).published(at).build();
        }

        /** Publishes it on relais.activities as a binary-mode CloudEvent, keyed like the connector does. */
        public HrEvent publish() {
            return publishKeyed(RecordKey.of(activity()));
        }

        /**
         * Publishes it with the key of {@code earlier}, so it lands on the same partition and the consumer reads it after
         * {@code earlier}: once this one is seen applied or dead-lettered, {@code earlier} has been handled too.
         */
        public HrEvent publishAfter(HrEvent earlier) {
            return publishKeyed(RecordKey.of(earlier.activity()));
        }

        private HrEvent publishKeyed(String key) {
            Activity a = activity();
            KafkaProbe.publish(Topics.ACTIVITIES, key,
                    KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(a), CloudEventAttributes.type(a),
                            "/connectors/hr/workday", CloudEventAttributes.subject(a)),
                    ActivityJson.writeString(a));
            return this;
        }
    }

    /** Profile snapshots (or tombstones) published for one person on relais.profiles. */
    public static List<ConsumerRecord<String, String>> snapshots(String login, int count,
                                                                 java.util.function.Predicate<ConsumerRecord<String, String>> match) {
        String key = Iri.person(login);
        return KafkaProbe.awaitRecords(Topics.PROFILES, r -> key.equals(r.key()) && match.test(r), count, WAIT);
    }

    /** Every record on relais.profiles for one person right now (reads up to the end offsets, no waiting). */
    public static List<ConsumerRecord<String, String>> allSnapshots(String login, String bootstrapServers) {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        p.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        String key = Iri.person(login);
        List<ConsumerRecord<String, String>> found = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(p)) {
            var partitions = consumer.partitionsFor(Topics.PROFILES).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(Topics.PROFILES, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) found.add(r);
                }
            }
        }
        return found;
    }

    /** A post written by {@code login} for the whole organisation, tagged with the given hashtags. */
    public static void publishPost(String login, String... hashtags) {
        publishPostTo(login, Audience.ORGANISATION, hashtags);
    }

    /**
     * A post written by {@code login} to one audience (a community IRI, a person IRI, the organisation).
     * Every post of one author is keyed by the author, so they are read in the order they were published.
     */
    public static AsObject publishPostTo(String login, String audience, String... hashtags) {
        AsObject post = post(login, audience, hashtags).build();
        publishFromFeed(Iri.person(login), Activity.builder().type(As2.CREATE).actor(Iri.person(login)).object(post).to(audience).build());
        return post;
    }

    /** A post object as feed-service publishes it, written by {@code login} to one audience, tagged with the hashtags. */
    public static AsObject.Builder post(String login, String audience, String... hashtags) {
        return AsObject.builder().id(Iri.post(EventId.next())).type(As2.NOTE).attributedTo(Iri.person(login))
                .content("Notes du jour").tag(java.util.Arrays.stream(hashtags).map(io.relais.events.Tag::hashtag).toList())
                .to(audience);
    }

    /** Publishes {@code a} on relais.activities as feed-service does (its ce_source), under the record key {@code key}. */
    public static void publishFromFeed(String key, Activity a) {
        KafkaProbe.publish(Topics.ACTIVITIES, key,
                KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(a), CloudEventAttributes.type(a),
                        CloudEventAttributes.FEED_SOURCE, CloudEventAttributes.subject(a)),
                ActivityJson.writeString(a));
    }
}
