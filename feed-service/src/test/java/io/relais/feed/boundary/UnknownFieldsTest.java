package io.relais.feed.boundary;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.feed.notification.NotificationNotices;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.asCommunityManager;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * A field a request type does not know is a 400 naming it and the fields that are known (service-kit's
 * StrictRequestBodies): a typo never changes what a request means. What the service reads from Kafka keeps ignoring
 * fields it does not know, so a newer producer does not break it.
 */
@QuarkusTest
@TestProfile(BoundaryProfile.class)
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class UnknownFieldsTest {

    @Inject
    NotificationNotices notices;

    @Test
    void aPostWithAMisspelledAudienceIsRefusedNotPublishedToTheWholeOrganisation() {
        String author = fresh("ines");
        as(author).body("{\"content\":\"Board minutes draft\",\"audiance\":{\"community\":\"projet-atlas\"}}")
                .post("/api/posts").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", equalTo("audiance is not a known field; known fields are attachments, audience, content"))
                .body("errors[0].field", equalTo("audiance"))
                .body("errors[0].message", equalTo("is not a known field; known fields are attachments, audience, content"));
        as(author).get("/api/feed/people/{login}", author).then().statusCode(200).body("items", empty());
    }

    @Test
    void aMisspelledFieldInsideTheAudienceIsNamedByItsPath() {
        as(fresh("ines")).body("{\"content\":\"Board minutes draft\",\"audience\":{\"comunity\":\"projet-atlas\"}}")
                .post("/api/posts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("audience.comunity"))
                .body("errors[0].message", equalTo("is not a known field; known fields are community"));
    }

    @Test
    void anAnnouncementGivenAnAudienceIsRefusedAnnouncementsGoToEveryone() {
        asCommunityManager(fresh("manon"))
                .body("{\"content\":\"<p>Fermeture vendredi</p>\",\"audience\":{\"community\":\"projet-atlas\"}}")
                .post("/api/announcements").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("audience"))
                .body("errors[0].message", equalTo("is not a known field; known fields are attachments, content, expires"));
    }

    @Test
    void aCommentWithAnUnknownFieldIsRefused() {
        String author = fresh("ines");
        String post = as(author).body(Map.of("content", "Bonjour")).post("/api/posts").then().statusCode(201)
                .extract().path("id");
        as(author).body("{\"content\":\"Merci\",\"notify\":false}")
                .post("/api/posts/{id}/comments", io.relais.events.Iri.localId(post)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("notify"));
    }

    @Test
    void aWellFormedPostIsStillPublished() {
        as(fresh("ines")).body("{\"content\":\"Bonjour\",\"attachments\":[]}").post("/api/posts").then().statusCode(201);
    }

    /** The notifications topic is read with the service's shared mapper: a field added by a newer replica is ignored. */
    @Test
    void aNoticeFromANewerReplicaWithAFieldThisOneDoesNotKnowIsStillPushed() {
        String value = "{\"id\":\"20423.01JX\",\"recipient\":\"urn:relais:person:bob\",\"kind\":\"mention\","
                + "\"actor\":\"urn:relais:person:alice\",\"object\":\"urn:relais:post:01JX\",\"post\":\"urn:relais:post:01JX\","
                + "\"time\":1764556800000,\"read\":false,\"priority\":\"high\"}";
        assertThat(notices.read("urn:relais:person:bob", value)).hasValueSatisfying(n ->
                assertThat(((NotificationNotices.Stored) n).notification().kind()).isEqualTo("mention"));
    }
}
