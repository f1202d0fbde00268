package io.relais.feed.community;

import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.CloudEventAttributes;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.EmbeddedStore;
import io.relais.testing.TestTokens;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Small builders for feed-core tests: unique people and communities, so tests never share state. */
public final class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static MongoDatabase STORE;
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000L, 36);

    private Fixtures() {
    }

    /**
     * A login nobody else uses in this test JVM, e.g. {@code alice-k3f2-7}, known to the profile read model
     * (as if profile-service had published them), so invitations and imports accept them.
     */
    public static String person(String name) {
        return known(unknownPerson(name));
    }

    /** Puts a login into the profile read model, as profile-service's snapshot would; answers the login. */
    public static String known(String login) {
        store().getCollection("profiles").replaceOne(new Document("_id", Iri.person(login)), new Document("_id", Iri.person(login))
                .append("login", login).append("name", login).append("status", "active"), new com.mongodb.client.model.ReplaceOptions().upsert(true));
        return login;
    }

    /** profile-service's snapshot of someone who left, on relais.profiles; waits until feed-service applied it. */
    public static void publishLeft(String login) {
        String iri = Iri.person(login);
        Activity snapshot = Activity.builder().type(As2.UPDATE).actor(iri).to(Audience.ORGANISATION)
                .object(AsObject.builder().id(iri).type(As2.PERSON).name(login)
                        .relais(Map.of("login", login, "status", "left", "leftDate", "2026-11-30")).build()).build();
        KafkaProbe.publish(Topics.PROFILES, iri, KafkaProbe.cloudEventHeaders(snapshot.id(), "relais.activity.update",
                CloudEventAttributes.PROFILE_SOURCE, iri), ActivityJson.writeString(snapshot));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document d = store().getCollection("profiles").find(new Document("_id", iri)).first();
            return d != null && "left".equals(d.getString("status"));
        });
    }

    /** A login nobody uses and that profile-service never published (a typo, someone who left). */
    public static String unknownPerson(String name) {
        return name + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    /** feed-service's database in the embedded store, to check what an API cannot show (stored bytes). */
    public static synchronized MongoDatabase store() {
        if (STORE == null) STORE = MongoClients.create(EmbeddedStore.shared().connectionString()).getDatabase("relais-feed");
        return STORE;
    }

    public static String slug(String name) {
        return name + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    public static RequestSpecification as(String login, String... roles) {
        return given().auth().oauth2(TestTokens.user(login, roles.length == 0 ? new String[]{"employee"} : roles))
                .contentType(ContentType.JSON);
    }

    public static String community(String owner, String visibility) {
        String slug = slug(visibility);
        as(owner).body(Map.of("slug", slug, "name", "Communauté " + slug, "description", "Pour les tests",
                "visibility", visibility)).post("/api/communities").then().statusCode(201);
        return slug;
    }

    /** Adds a member: public → join; private → request + owner approves; secret → owner invites + accept. */
    public static void addMember(String slug, String owner, String member) {
        String visibility = as(owner).get("/api/communities/{slug}", slug).then().statusCode(200).extract().path("visibility");
        switch (visibility) {
            case "public" -> as(member).post("/api/communities/{slug}/join", slug).then().statusCode(200);
            case "private" -> {
                as(member).post("/api/communities/{slug}/join", slug).then().statusCode(200);
                as(owner).post("/api/communities/{slug}/requests/{login}/approve", slug, member).then().statusCode(204);
            }
            default -> {
                as(owner).body(Map.of("login", member)).post("/api/communities/{slug}/invitations", slug).then().statusCode(204);
                as(member).post("/api/communities/{slug}/invitations/mine/accept", slug).then().statusCode(204);
            }
        }
    }

    /** Writes a post (to the organisation when slug is null) and answers its IRI. */
    public static String post(String author, String slug, String content) {
        Map<String, Object> body = slug == null ? Map.of("content", content)
                : Map.of("content", content, "audience", Map.of("community", slug));
        return as(author).body(body).post("/api/posts").then().statusCode(201).extract().path("id");
    }

    public static String local(String iri) {
        return Iri.localId(iri);
    }
}
