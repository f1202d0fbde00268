package io.relais.feed.reaction;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ReactionStore;
import io.relais.feed.thread.ThreadOutbox;
import io.relais.kit.outbox.OutboxRecord;
import io.relais.testing.KafkaProbe;
import jakarta.inject.Inject;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Issue 16 and finding F1: a reaction is one write of the reacted post that carries its counter, its roster
 * entry and its outbox record. A crash after that write and before the outbox append (simulated by making
 * the write as {@link ReactionService} does and stopping there) leaves a counter equal to the people listed,
 * and the next start's re-publication announces the Like, once.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ReactionCrashTest {

    @Inject
    ReactionStore reactions;

    @Inject
    PostStore posts;

    @Inject
    ThreadOutbox announcements;

    @Inject
    com.mongodb.client.MongoClient mongo;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void aReactionCutByACrashIsCountedOnceListedAndAnnouncedOnceAfterRestart() {
        String alice = person("alice"), bob = person("bob"), carol = person("carol");
        String id = post(alice, null, "Qui a aimé ?");
        as(carol).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(200);
        Post root = posts.find(id).orElseThrow();
        String like = Iri.of(Iri.ACTIVITY, EventId.next());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OutboxRecord record = announcements.record(Activity.builder().id(like).type(As2.LIKE).actor(Iri.person(bob))
                .object(AsObject.builder().id(id).build()).target(id).to(root.to()).cc(root.cc())
                .relais(Map.of("reaction", "like")).published(now).build());
        // the one write of bob's reaction, as ReactionService makes it; the process dies before the outbox append
        assertThat(reactions.put(id, new ReactionStore.Reaction(Iri.person(bob), "like", like, now), null,
                List.of(record))).isTrue();

        as(alice).get("/api/posts/{id}/reactions", local(id)).then().statusCode(200)
                .body("counts.like", equalTo(2)).body("people", hasSize(2));
        assertThat(KafkaProbe.recordsNow(Topics.ACTIVITIES, r -> r.value() != null && r.value().contains(like))).isEmpty();

        // bob's retry of the cut request changes nothing; a replay of the same write cannot count twice
        as(bob).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(200)
                .body("counts.like", equalTo(2)).body("mine", equalTo("like"));
        assertThat(reactions.put(id, new ReactionStore.Reaction(Iri.person(bob), "like", like, now), null,
                List.of(record))).isFalse();

        // the next start's pass, then a periodic one that must find nothing left
        assertThat(announcements.republish()).isGreaterThanOrEqualTo(1);
        assertThat(announcements.republish()).isZero();
        KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value() != null && r.value().contains("\"id\":\"" + like + "\""), 1,
                Duration.ofSeconds(30));
        assertThat(KafkaProbe.recordsNow(Topics.ACTIVITIES, r -> r.value() != null && r.value().contains("\"id\":\"" + like + "\"")))
                .hasSize(1);
        as(alice).get("/api/posts/{id}/reactions", local(id)).then()
                .body("counts.like", equalTo(2)).body("people", hasSize(2));
    }

    @Test
    void anUndoCutByACrashLeavesNobodyCountedAndIsAnnouncedAfterRestart() {
        String alice = person("alice"), bob = person("bob");
        String id = post(alice, null, "Je retire");
        as(bob).body(Map.of("kind", "celebrate")).put("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(200);
        ReactionStore.Reaction given = reactions.find(id, Iri.person(bob));
        Post root = posts.find(id).orElseThrow();
        OutboxRecord undo = announcements.record(Activity.builder().type(As2.UNDO).actor(Iri.person(bob))
                .object(AsObject.builder().type(As2.LIKE).id(given.activity()).context(id).build())
                .target(id).to(root.to()).cc(root.cc()).build());
        assertThat(reactions.remove(id, given, undo)).isTrue();

        as(alice).get("/api/posts/{id}/reactions", local(id)).then().statusCode(200)
                .body("counts.celebrate", org.hamcrest.Matchers.nullValue()).body("people", hasSize(0));
        assertThat(reactions.remove(id, given, undo)).isFalse(); // a replay removes nothing more
        assertThat(announcements.republish()).isGreaterThanOrEqualTo(1);
        KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value() != null && r.value().contains("\"Undo\"")
                && r.value().contains(given.activity()), 1, Duration.ofSeconds(30));
    }

    @Test
    void reactionsStoredByTheFormerVersionAreListedAfterTheMoveAndNotCountedAgain() {
        String alice = person("alice"), bob = person("bob");
        String id = post(alice, null, "Réaction d'avant");
        // as the former version stored it: a reaction document, already counted in the post
        mongo.getDatabase(database).getCollection("reactions").insertOne(new org.bson.Document("_id", id + "|" + Iri.person(bob))
                .append("object", id).append("post", id).append("person", Iri.person(bob)).append("kind", "support")
                .append("activity", Iri.of(Iri.ACTIVITY, EventId.next())).append("at", new java.util.Date()));
        mongo.getDatabase(database).getCollection("posts").updateOne(com.mongodb.client.model.Filters.eq("_id", id),
                com.mongodb.client.model.Updates.inc("reactions.support", 1));

        assertThat(reactions.moveLegacyReactions()).isGreaterThanOrEqualTo(1);
        assertThat(reactions.moveLegacyReactions()).isZero();

        as(alice).get("/api/posts/{id}/reactions", local(id)).then().statusCode(200)
                .body("counts.support", equalTo(1)).body("people", hasSize(1)).body("people[0].kind", equalTo("support"));
        as(bob).delete("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(200)
                .body("counts.support", org.hamcrest.Matchers.nullValue()).body("mine", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aPinCutByACrashIsAnnouncedAfterRestart() {
        String alice = person("alice");
        String slug = io.relais.feed.community.Fixtures.community(alice, "public");
        String id = post(alice, slug, "À épingler");
        Post root = posts.find(id).orElseThrow();
        OutboxRecord add = announcements.record(Activity.builder().type(As2.ADD).actor(Iri.person(alice))
                .object(AsObject.ref(id)).target(Iri.community(slug)).to(root.to()).cc(root.cc())
                .relais(Map.of("pinned", true)).build());
        posts.setPinned(id, true, add); // the process dies before the community's pin list and the outbox append
        as(alice).get("/api/communities/{slug}", slug).then().statusCode(200).body("pins", org.hamcrest.Matchers.empty());

        assertThat(announcements.republish()).isGreaterThanOrEqualTo(1);
        KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value() != null && r.value().contains("\"Add\"")
                && r.value().contains(id), 1, Duration.ofSeconds(30));
        as(alice).get("/api/communities/{slug}", slug).then().statusCode(200).body("pins", org.hamcrest.Matchers.contains(id));
        assertThat(posts.find(id).orElseThrow().pinned()).isTrue();
    }
}
