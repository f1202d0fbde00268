package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.relais.connector.ConnectorFixtures.profile;
import static io.relais.connector.ConnectorFixtures.unique;
import static io.relais.connector.GenericFixtures.asGeneric;
import static io.relais.connector.GenericFixtures.cloudEvent;
import static io.relais.connector.GenericFixtures.nothingPublishedFor;
import static io.relais.connector.GenericFixtures.publishedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A registration may match the system's users to Relais people, by login or by e-mail, against the people
 * profile-service announces: then a generic activity is that person's (the system still its generator);
 * otherwise, or for someone unknown or gone, it is not.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class PeopleMatchTest {

    private static String note(String actor) {
        return """
                {"type":"Create","actor":%s,"object":{"type":"Note","content":"Demande de congé validée"}}""".formatted(actor);
    }

    /** Sends until the profile has reached the directory (the consumer is asynchronous), then expects 202. */
    private static String acceptedOnceKnown(String client, String actor) {
        String[] ceId = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            ceId[0] = unique("ce");
            return asGeneric(client).body(cloudEvent(ceId[0], note(actor))).post("/api/connectors/generic/events")
                    .statusCode() == 202;
        });
        return ceId[0];
    }

    @Test
    void aSystemMatchingByEmailActsAsThePersonWithThatAddress() {
        String login = "zoe" + unique("").substring(1).toLowerCase();
        GenericFixtures.register("leave-connector", "conges", "Congés", "email");
        profile(login, login + "@relais.example", "active");

        String ceId = acceptedOnceKnown("leave-connector", "\"mailto:" + login.toUpperCase() + "@relais.example\"");
        Activity a = publishedFor(ceId);
        assertThat(a.actor()).isEqualTo(Iri.person(login));
        assertThat(a.object().attributedTo()).isEqualTo(Iri.person(login));
        assertThat(a.generator().name()).isEqualTo("Congés");

        String byVcard = unique("ce");
        asGeneric("leave-connector").body(cloudEvent(byVcard, note("{\"type\":\"Person\",\"email\":\"" + login + "@relais.example\"}")))
                .post("/api/connectors/generic/events").then().statusCode(202);
        assertThat(publishedFor(byVcard).actor()).isEqualTo(Iri.person(login));
    }

    @Test
    void aSystemMatchingByLoginActsAsThatPersonOnly() {
        String login = "yann" + unique("").substring(1).toLowerCase();
        GenericFixtures.register("wiki-connector", "wiki", "Wiki", "login");
        profile(login, login + "@relais.example", "active");

        String ceId = acceptedOnceKnown("wiki-connector", "{\"type\":\"Person\",\"preferredUsername\":\"" + login + "\"}");
        assertThat(publishedFor(ceId).actor()).isEqualTo(Iri.person(login));
        String byIri = unique("ce");
        asGeneric("wiki-connector").body(cloudEvent(byIri, note("\"" + Iri.person(login) + "\"")))
                .post("/api/connectors/generic/events").then().statusCode(202);
        assertThat(publishedFor(byIri).object().attributedTo()).isEqualTo(Iri.person(login));

        // matching by login does not let it name people by other means, nor people Relais does not know
        String unknown = unique("ce");
        asGeneric("wiki-connector").body(cloudEvent(unknown, note("{\"type\":\"Person\",\"preferredUsername\":\"nobody-here\"}")))
                .post("/api/connectors/generic/events").then().statusCode(400)
                .body("errors.field", hasItem("data.actor"));
        nothingPublishedFor(unknown);
        asGeneric("wiki-connector").body(cloudEvent(unique("ce"), note("\"urn:relais:community:board\"")))
                .post("/api/connectors/generic/events").then().statusCode(403)
                .body("rule", equalTo("a connector may not act on behalf of people"));
    }

    @Test
    void someoneWhoLeftIsNoLongerMatched() {
        String login = "xavier" + unique("").substring(1).toLowerCase();
        GenericFixtures.register("leave-connector", "conges", "Congés", "email");
        profile(login, login + "@relais.example", "active");
        acceptedOnceKnown("leave-connector", "\"mailto:" + login + "@relais.example\"");

        profile(login, login + "@relais.example", "left");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                asGeneric("leave-connector").body(cloudEvent(unique("ce"), note("\"mailto:" + login + "@relais.example\"")))
                        .post("/api/connectors/generic/events").statusCode() == 400);
    }

    @Test
    void anErasedPersonIsNoLongerMatchedByLoginNorEmail() {
        String login = "wanda" + unique("").substring(1).toLowerCase();
        GenericFixtures.register("leave-connector", "conges", "Congés", "email");
        profile(login, login + "@relais.example", "active");
        acceptedOnceKnown("leave-connector", "\"mailto:" + login + "@relais.example\"");

        Activity delete = io.relais.events.PersonErasure.delete(Iri.person(login), Iri.person("carol"));
        KafkaProbe.publish(Topics.PROFILES, Iri.person(login), KafkaProbe.cloudEventHeaders(unique("p"),
                io.relais.events.PersonErasure.CE_TYPE, "/relais/profile-service", Iri.person(login)), ActivityJson.writeString(delete));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                asGeneric("leave-connector").body(cloudEvent(unique("ce"), note("\"mailto:" + login + "@relais.example\"")))
                        .post("/api/connectors/generic/events").statusCode() == 400);
    }

    @Test
    void withoutMatchingAnOutsidePersonIsShownAsTheSystem() {
        GenericFixtures.registerTheIntranet();
        String ceId = unique("ce");
        asGeneric(GenericFixtures.CLIENT).body(cloudEvent(ceId, note("{\"type\":\"Person\",\"name\":\"Jean (CMS)\",\"email\":\"jean@example.com\"}")))
                .post("/api/connectors/generic/events").then().statusCode(202);
        Activity a = publishedFor(ceId);
        assertThat(a.actor()).isEqualTo(GenericFixtures.GENERATOR);
        assertThat(a.object().attributedTo()).isNull();
    }
}
