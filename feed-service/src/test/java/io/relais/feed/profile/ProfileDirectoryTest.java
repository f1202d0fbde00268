package io.relais.feed.profile;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Author display comes from the profiles topic; an erasure tombstone falls back to the login. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ProfileDirectoryTest {

    @Test
    void postsShowTheAuthorsProfileAndTheLoginAfterErasure() {
        String alice = person("alice");
        String iri = Iri.person(alice);
        Activity snapshot = Activity.builder().type(As2.UPDATE).actor(iri).to(Audience.ORGANISATION)
                .object(AsObject.builder().id(iri).type(As2.PERSON).name("Alice Durand").summary("Cheffe de projet")
                        .icon(AsObject.builder().type(As2.IMAGE).url("https://photos.example/alice.jpg").build())
                        .relais(Map.of("login", alice, "status", "active")).build()).build();
        KafkaProbe.publish(Topics.PROFILES, iri, KafkaProbe.cloudEventHeaders(snapshot.id(), "relais.activity.update",
                "/relais/profile-service", iri), ActivityJson.writeString(snapshot));
        String id = post(alice, null, "Bonjour");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(alice).get("/api/posts/{id}", local(id)).then()
                .body("post.author.displayName", equalTo("Alice Durand")).body("post.author.title", equalTo("Cheffe de projet"))
                .body("post.author.photoUrl", equalTo("https://photos.example/alice.jpg")));
        KafkaProbe.publish(Topics.PROFILES, iri, Map.of(), null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(alice).get("/api/posts/{id}", local(id)).then()
                .body("post.author.displayName", equalTo(alice)));
    }

    @Test
    void aMalformedProfileGoesToTheDeadLetterTopic() {
        String key = Iri.person(person("broken"));
        KafkaProbe.publish(Topics.PROFILES, key, KafkaProbe.cloudEventHeaders(key, "relais.activity.update", "/test", key),
                "{\"type\":\"Update\"}");
        KafkaProbe.awaitRecords(Topics.PROFILES_DLQ, r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
    }
}
