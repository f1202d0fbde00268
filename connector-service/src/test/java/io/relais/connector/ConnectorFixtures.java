package io.relais.connector;

import io.quarkus.arc.Arc;
import io.relais.connector.community.CommunityDirectory;
import io.relais.connector.people.PeopleDirectory;
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
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Small builders for connector tests: tokens, events, and an exact read of what is on a topic. */
public final class ConnectorFixtures {

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private ConnectorFixtures() {
    }

    public static RequestSpecification asClient(String clientId) {
        return given().auth().oauth2(TestTokens.client(clientId, "connector")).contentType("application/json");
    }

    public static RequestSpecification asHr() {
        return asClient("hr-connector");
    }

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.user("carol", "employee", "admin")).contentType("application/json");
    }

    public static String unique(String prefix) {
        return prefix + "-" + EventId.next().substring(24);
    }

    /** An HR hire with every required field, for a fresh login. */
    public static String hire(String eventId, String login) {
        return """
                {"eventType":"employee.hired","eventId":"%s","occurredAt":"2026-11-22T09:30:00Z",
                 "data":{"login":"%s","displayName":"Dave Martin","email":"%s@relais.example","title":"Data engineer",
                         "department":"Data","manager":"carol","location":"Lyon","startDate":"2026-12-01"}}"""
                .formatted(eventId, login, login);
    }

    public static String deal(String type, String eventId, String team) {
        return """
                {"eventType":"%s","eventId":"%s","occurredAt":"2026-11-22T10:00:00Z","system":"salesforce",
                 "data":{"opportunityId":"OPP-%s","name":"Renouvellement flotte","account":"Transports Lemoine",
                         "amount":125000.50,"currency":"EUR","owner":"bob"%s}}"""
                .formatted(type, eventId, eventId, team == null ? "" : ",\"team\":\"" + team + "\"");
    }

    public static String document(String type, String eventId, String documentId, String community) {
        return """
                {"eventType":"%s","eventId":"%s","occurredAt":"2026-11-22T11:00:00Z",
                 "data":{"documentId":"%s","title":"Politique de télétravail 2027","summary":"Nouvelles règles",
                         "url":"https://docs.relais.example/d/%s","mimeType":"application/pdf","size":48213,
                         "folder":"/RH/Politiques","owner":"alice"%s}}"""
                .formatted(type, eventId, documentId, documentId,
                        community == null ? "" : ",\"targetCommunity\":\"" + community + "\"");
    }

    /**
     * A community created in feed-service: its Create on {@code relais.activities} (with feed-service's source, so
     * {@code SourceCheck} believes it), awaited until this service's {@link CommunityDirectory} knows it. A card may
     * only be addressed to a community that exists.
     */
    public static String community(String slug, String visibility) {
        Activity group = Activity.builder().type(As2.CREATE).actor(Iri.person("carol"))
                .object(AsObject.builder().id(Iri.community(slug)).type(As2.GROUP).name(slug)
                        .relais(Map.of("visibility", visibility, "archived", false)).build())
                .to(Audience.ORGANISATION).build();
        KafkaProbe.publish(Topics.ACTIVITIES, RecordKey.of(group), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(group),
                CloudEventAttributes.type(group), CloudEventAttributes.FEED_SOURCE, group.object().id()), ActivityJson.writeString(group));
        CommunityDirectory directory = Arc.container().instance(CommunityDirectory.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.visibility(Iri.community(slug)).isPresent());
        return slug;
    }

    /**
     * feed-service archiving ({@code archived = true}) or reopening a community: its {@code Update} of the group on
     * {@code relais.activities}, as {@code CommunityService.archive} publishes it, published after the community's
     * earlier announcements (the directory ignores an older snapshot). Not awaited.
     */
    public static void archived(String slug, String visibility, boolean archived) {
        Activity group = Activity.builder().type(As2.UPDATE).actor(Iri.person("carol")).published(java.time.Instant.now())
                .object(AsObject.builder().id(Iri.community(slug)).type(As2.GROUP).name(slug)
                        .relais(Map.of("visibility", visibility, "archived", archived, "slug", slug)).build())
                .to(Audience.ORGANISATION).build();
        KafkaProbe.publish(Topics.ACTIVITIES, RecordKey.of(group), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(group),
                CloudEventAttributes.type(group), CloudEventAttributes.FEED_SOURCE, group.object().id()), ActivityJson.writeString(group));
    }

    /**
     * Communities the fixtures' events go to, each created as a private community unless already known. A private
     * community is addressed only by the registrations that list it: the test profile lists {@code ventes} and
     * {@code ventes-sud} for crm-connector, {@code rh} and {@code vie-de-bureau} for ecm-connector
     * (application.properties, {@code %test.connector.defaults}).
     */
    public static void communities(String... slugs) {
        CommunityDirectory directory = Arc.container().instance(CommunityDirectory.class).get();
        for (String slug : slugs) {
            if (directory.visibility(Iri.community(slug)).isEmpty()) community(slug, "private");
        }
    }

    /** profile-service's snapshot of a person ({@code active} or {@code left}) on {@code relais.profiles}, not awaited. */
    public static void profile(String login, String email, String status) {
        profile(login, email, status, null);
    }

    /** The same, with the person's manager as profile-service announces it ({@code managerLogin}), when not null. */
    public static void profile(String login, String email, String status, String managerLogin) {
        Map<String, Object> relais = new java.util.HashMap<>(Map.of("login", login, "email", email, "status", status));
        if (managerLogin != null) {
            relais.put("manager", Iri.person(managerLogin));
            relais.put("managerLogin", managerLogin);
        }
        Activity snapshot = Activity.builder().type(As2.UPDATE).actor(Iri.person(login)).to(Audience.ORGANISATION)
                .object(AsObject.builder().id(Iri.person(login)).type(As2.PERSON).name(login)
                        .relais(relais).build()).build();
        KafkaProbe.publish(Topics.PROFILES, Iri.person(login), KafkaProbe.cloudEventHeaders(unique("p"),
                "relais.activity.update", "/relais/profile-service", Iri.person(login)), ActivityJson.writeString(snapshot));
    }

    /**
     * People the fixtures' events name (owners, mentions), announced by profile-service as active and awaited until
     * this service's {@link PeopleDirectory} knows them: a card may only name people who exist.
     */
    public static void people(String... logins) {
        PeopleDirectory directory = Arc.container().instance(PeopleDirectory.class).get();
        for (String login : logins) {
            if (directory.byLogin(login).isPresent()) continue;
            profile(login, login + "@relais.example", "active");
            await().atMost(Duration.ofSeconds(30)).until(() -> directory.byLogin(login).isPresent());
        }
    }

    /** What {@link #deal}, {@link #document} and {@link #hire} name: their owners and the communities they use. */
    public static void knownWorld() {
        people("alice", "bob", "carol");
        communities("ventes", "ventes-sud", "rh", "tech-talk");
    }

    public static Predicate<ConsumerRecord<String, String>> mentioning(String text) {
        return r -> r.value() != null && r.value().contains(text);
    }
}
