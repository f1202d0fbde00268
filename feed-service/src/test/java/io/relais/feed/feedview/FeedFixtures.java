package io.relais.feed.feedview;

import io.relais.events.Topics;
import io.relais.testing.KafkaBroker;
import io.relais.testing.KafkaProbe;
import io.relais.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Small builders for read-side tests: people, communities, follows and posts made through the public
 * API (so the activities reach the topic exactly as in production), and feeds read back.
 * Every test uses fresh logins and slugs: the store and broker are shared by the whole test JVM.
 */
public final class FeedFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final Duration PATIENCE = Duration.ofSeconds(40);

    private FeedFixtures() {
    }

    /** A fresh login or slug: {@code base-x7k2q9}. */
    public static String fresh(String base) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(base).append('-');
        for (int i = 0; i < 6; i++) sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return sb.toString();
    }

    /** A fresh login that profile-service has published (in the profiles read model), so it can be mentioned. */
    public static String person(String base) {
        return io.relais.feed.community.Fixtures.known(fresh(base));
    }

    public static RequestSpecification as(String login) {
        return given().auth().oauth2(TestTokens.employee(login)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asCommunityManager(String login) {
        return given().auth().oauth2(TestTokens.user(login, "employee", "community-manager")).contentType(ContentType.JSON);
    }

    /** Creates a community owned by {@code owner} and returns its slug. */
    public static String community(String owner, String visibility, String... members) {
        String slug = fresh("c");
        as(owner).body(Map.of("slug", slug, "name", "Community " + slug, "description", "for a test",
                "visibility", visibility)).post("/api/communities").then().statusCode(201);
        for (String m : members) addMember(owner, slug, visibility, m);
        return slug;
    }

    public static void addMember(String owner, String slug, String visibility, String login) {
        switch (visibility) {
            case "public" -> as(login).post("/api/communities/{s}/join", slug).then().statusCode(200);
            case "private" -> {
                as(login).post("/api/communities/{s}/join", slug).then().statusCode(200);
                as(owner).post("/api/communities/{s}/requests/{l}/approve", slug, login).then().statusCode(204);
            }
            default -> {
                io.relais.feed.community.Fixtures.known(login);
                as(owner).body(Map.of("login", login)).post("/api/communities/{s}/invitations", slug).then().statusCode(204);
                as(login).post("/api/communities/{s}/invitations/mine/accept", slug).then().statusCode(204);
            }
        }
    }

    public static void follow(String login, String kind, String id) {
        as(login).put("/api/follows/{k}/{id}", kind, id).then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    /** Posts and returns the post IRI; {@code community} null means organisation-wide. */
    public static String post(String author, String content, String community) {
        Map<String, Object> body = community == null ? Map.of("content", content)
                : Map.of("content", content, "audience", Map.of("community", community));
        return as(author).body(body).post("/api/posts").then().statusCode(201).extract().path("id");
    }

    public static JsonPath feed(String login, String path, Map<String, ?> query) {
        return as(login).queryParams(query).get(path).then().statusCode(200).extract().jsonPath();
    }

    public static List<String> homeIds(String login) {
        return feed(login, "/api/feed/home", Map.of("limit", 50)).getList("items.post.id");
    }

    public static List<String> ids(String login, String path) {
        return feed(login, path, Map.of("limit", 50)).getList("items.post.id");
    }

    /** Every item id of a feed, page by page (bounded), asserting nothing about them. */
    public static List<List<String>> pages(String login, String path, Map<String, Object> query, int maxPages) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> q = new java.util.HashMap<>(query);
            if (cursor != null) q.put("cursor", cursor);
            JsonPath page = feed(login, path, q);
            pages.add(page.getList("items.post.id"));
            cursor = page.getString("next");
        } while (cursor != null && pages.size() < maxPages);
        return pages;
    }

    /**
     * Waits until a consumer group has committed past the activity record that matches: everything
     * that record causes in that consumer has happened (lets a test assert that something did NOT happen).
     */
    public static void awaitConsumed(String group, Predicate<ConsumerRecord<String, String>> match) {
        ConsumerRecord<String, String> record = KafkaProbe.awaitRecords(Topics.ACTIVITIES, match, 1, PATIENCE).get(0);
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> offsets =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata committed = offsets.get(tp);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    /** The activity record of a type about an object (a Create of a post, a Like of it…). */
    public static Predicate<ConsumerRecord<String, String>> activity(String type, String objectIri) {
        return r -> r.value() != null && r.value().contains("\"type\":\"" + type + "\"")
                && r.value().contains("\"object\":{\"id\":\"" + objectIri + "\"");
    }

    /**
     * A new-hire card addressed to one person, as it is shown: the HR connector's Create, or (type Update) an Update of
     * it with {@code title} as its new French title, as profile-service announces it once it applied it
     * ({@link io.relais.events.HrAcceptance#accepted}); returns the record's value.
     */
    public static String publishHireCard(String type, String card, String newHire, String manager, String title) {
        io.relais.events.Activity hired = io.relais.events.HrAcceptance.accepted(hireCard(type, card, newHire, manager, title));
        return publishActivity(hired, io.relais.events.CloudEventAttributes.PROFILE_SOURCE, io.relais.events.RecordKey.of(hired));
    }

    /** A new-hire card addressed to one person, as the HR connector publishes it (see {@link #publishHireCard}). */
    public static io.relais.events.Activity hireCard(String type, String card, String newHire, String manager, String title) {
        String source = io.relais.events.Iri.of(io.relais.events.Iri.SOURCE, "hr.workday");
        io.relais.events.AsObject.Builder object = io.relais.events.AsObject.builder().id(card)
                .type(io.relais.events.As2.EVENT).attributedTo(io.relais.events.Iri.person(manager))
                .name(title).nameMap(Map.of("fr", title, "en", "Welcome!"))
                .summary("Votre arrivée est enregistrée").to(io.relais.events.Iri.person(newHire))
                .relais(Map.of("business", Map.of("source", "hr", "eventType", "employee.hired",
                        "system", "workday", "sourceEventId", card, "data", Map.of("login", newHire))));
        if (io.relais.events.As2.UPDATE.equals(type)) object.updated(java.time.Instant.now());
        return io.relais.events.Activity.builder().type(type).actor(source)
                .generator(io.relais.events.AsObject.builder().type(io.relais.events.As2.APPLICATION).id(source)
                        .name("Workday").build())
                .object(object.build()).to(io.relais.events.Iri.person(newHire)).build();
    }

    /**
     * Publishes an activity as {@code ceSource} with {@code key} (records of one key are read in the order they were
     * published); returns the record's value.
     */
    public static String publishActivity(io.relais.events.Activity a, String ceSource, String key) {
        Map<String, String> headers = KafkaProbe.cloudEventHeaders(io.relais.events.CloudEventAttributes.id(a),
                io.relais.events.CloudEventAttributes.type(a), ceSource, io.relais.events.CloudEventAttributes.subject(a));
        String value = io.relais.events.ActivityJson.writeString(a);
        KafkaProbe.publish(Topics.ACTIVITIES, key, headers, value);
        return value;
    }
}
