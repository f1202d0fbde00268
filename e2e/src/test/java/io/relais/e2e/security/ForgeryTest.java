package io.relais.e2e.security;

import io.relais.e2e.FailedExchangeLog;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forgery: records published straight to {@code relais.activities} (as a compromised or careless producer
 * with access to the broker could) in which a connector's CloudEvents {@code source} asserts facts it does
 * not own. No projection (feed, search, profile) may change (checked first: it is what people would see),
 * and each must land on {@code relais.activities.dlq} with a {@code dead-letter-reason}: every fact is believed only from the producer that owns it
 * (memberships: feed-service; people and HR facts: profile-service and the hr source; an employee's post:
 * feed-service).
 */
class ForgeryTest {

    static final String GENERIC_SOURCE = "/connectors/generic/acme-intranet";
    static final String CRM_SOURCE = "/connectors/crm/salesforce";
    static final Duration QUIET = Duration.ofSeconds(8);
    /** Consumers dead-letter within a poll; a minute would only slow down a failing run. */
    static final Duration DEAD_LETTER_WAIT = Duration.ofSeconds(20);

    static World world;

    @BeforeAll
    static void setUp() {
        FailedExchangeLog.enable();
        world = World.create();
    }

    @Test
    void aConnectorCannotJoinSomeoneToASecretCommunity() {
        String secret = Iri.community(world.slug("secret"));
        world.value("secret", "post"); // something secret to find, once the member sees it in search
        await().atMost(Stack.PROJECTION_WAIT).until(() -> Stack.as(World.MEMBER)
                .get(Stack.SEARCH + "/api/search?q=" + world.marker("secret")).asString().contains(world.value("secret", "post")));
        String outsider = Principal.EMPLOYEE.login;
        String id = forge(secret, GENERIC_SOURCE, "join", """
                {"@context":"https://www.w3.org/ns/activitystreams","id":"%s","type":"Join","actor":"%s",
                 "object":{"id":"%s","type":"Group"},"to":["%s"],"published":"%s"}"""
                .formatted("%s", Iri.person(outsider), secret, secret, Instant.now()));

        await().during(QUIET).atMost(QUIET.plusSeconds(10)).untilAsserted(() -> {
            assertThat(Stack.as(outsider).get(Stack.FEED + "/api/communities/" + world.slug("secret")).statusCode())
                    .as("the secret community for the person the forged Join names (feed)").isEqualTo(404);
            assertThat(Stack.as(outsider).get(Stack.SEARCH + "/api/search?q=" + world.marker("secret")).asString())
                    .as("search for the person the forged Join names").doesNotContain(world.marker("secret"))
                    .doesNotContain(world.value("secret", "post"));
            assertThat(Stack.as(outsider).get(Stack.SEARCH + "/api/search/suggest?types=community&q=Security%20secret%20" + world.run).asString())
                    .as("suggestions for the person the forged Join names").doesNotContain(world.slug("secret"));
        });
        assertDeadLettered(id);
    }

    @Test
    void onlyTheHrSourceMayAssertHrFacts() {
        String person = Iri.person(World.MEMBER);
        String before = Stack.as(World.MODERATOR).get(Stack.PROFILE + "/api/people/" + World.MEMBER)
                .then().statusCode(200).extract().path("department");
        String forgedDepartment = "Forged" + world.run;
        String id = forge(person, CRM_SOURCE, "update", """
                {"@context":"https://www.w3.org/ns/activitystreams","id":"%s","type":"Update","actor":"urn:relais:source:hr",
                 "generator":{"type":"Application","id":"urn:relais:source:hr","name":"Workday"},
                 "object":{"id":"%s","type":"Person","name":"Emma Rossi","summary":"Directrice",
                           "relais":{"kind":"employee.moved","department":"%s","title":"Directrice générale","manager":"urn:relais:person:hugo"}},
                 "to":["urn:relais:audience:organisation"],"published":"%s"}"""
                .formatted("%s", person, forgedDepartment, Instant.now()));

        await().during(QUIET).atMost(QUIET.plusSeconds(10)).untilAsserted(() -> {
            assertThat(Stack.as(World.MODERATOR).get(Stack.PROFILE + "/api/people/" + World.MEMBER).then().statusCode(200)
                    .extract().<String>path("department")).as("profile department after a forged HR move").isEqualTo(before);
            assertThat(Stack.as(World.MODERATOR).get(Stack.SEARCH + "/api/search?q=" + forgedDepartment).asString())
                    .as("search after a forged HR move").doesNotContain(forgedDepartment);
            assertThat(Stack.as(World.MODERATOR).get(Stack.FEED + "/api/feed/home?limit=50").asString())
                    .as("home feed after a forged HR move").doesNotContain(forgedDepartment);
        });
        assertDeadLettered(id);
    }

    @Test
    void aConnectorCannotRewriteAnEmployeesPost() {
        String post = world.value("public", "post-iri");
        String marker = world.marker("public");
        await().atMost(Stack.PROJECTION_WAIT).until(() -> Stack.as(World.MODERATOR)
                .get(Stack.SEARCH + "/api/search?q=" + marker).asString().contains(Iri.localId(post)));
        String forged = "forged" + world.run;
        String id = forge(post, GENERIC_SOURCE, "update", """
                {"@context":"https://www.w3.org/ns/activitystreams","id":"%s","type":"Update","actor":"%s",
                 "object":{"id":"%s","type":"Note","attributedTo":"%s","content":"<p>%s <script>alert(1)</script></p>",
                           "to":["%s"]},
                 "to":["%s"],"published":"%s"}"""
                .formatted("%s", Iri.person(World.MEMBER), post, Iri.person(World.MEMBER), forged,
                        Iri.community(world.slug("public")), Iri.community(world.slug("public")), Instant.now()));

        await().during(QUIET).atMost(QUIET.plusSeconds(10)).untilAsserted(() -> {
            String thread = Stack.as(World.MODERATOR).get(Stack.FEED + "/api/posts/" + Iri.localId(post)).then().statusCode(200)
                    .extract().asString();
            assertThat(thread).as("the post after a forged Update (feed)").contains(marker).doesNotContain(forged);
            assertThat(Stack.as(World.MODERATOR).get(Stack.SEARCH + "/api/search?q=" + forged).asString())
                    .as("search after a forged Update").doesNotContain(Iri.localId(post));
            assertThat(Stack.as(World.MODERATOR).get(Stack.SEARCH + "/api/search?q=" + marker).asString())
                    .as("search still finds the real text").contains(Iri.localId(post));
        });
        assertDeadLettered(id);
    }

    /**
     * Publishes the activity (its {@code id} filled in) with the given CloudEvents source and type, straight to
     * the log; returns the activity IRI.
     */
    private static String forge(String key, String source, String type, String activityTemplate) {
        String id = Iri.of(Iri.ACTIVITY, EventId.next());
        String json = activityTemplate.replaceFirst("%s", id);
        Activities.publish(key, Map.of(
                "ce_specversion", "1.0",
                "ce_id", Iri.localId(id),
                "ce_source", source,
                "ce_type", "relais.activity." + type,
                "ce_subject", key,
                "ce_time", Instant.now().toString(),
                "content-type", "application/activity+json"), json);
        return id;
    }

    /** A dead letter of the forged activity arrives, with a reason. */
    private static void assertDeadLettered(String activityId) {
        Activities.Record letter = Activities.awaitRecord(Topics.ACTIVITIES_DLQ, dlqStart, DEAD_LETTER_WAIT,
                r -> r.value() != null && r.value().contains(activityId));
        assertThat(Activities.header(letter, "dead-letter-reason")).as("reason of the dead letter of %s", activityId)
                .hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
    }

    static Map<TopicPartition, Long> dlqStart;

    @BeforeAll
    static void rememberWhereTheDeadLettersEnd() {
        dlqStart = Activities.endOffsets(Topics.ACTIVITIES_DLQ);
    }
}
