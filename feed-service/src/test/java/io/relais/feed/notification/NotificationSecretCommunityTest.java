package io.relais.feed.notification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.community;
import static io.relais.feed.feedview.FeedFixtures.person;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A secret community's slug is itself confidential (its IRI, {@code urn:relais:community:<slug>}, names it): once a
 * reader may no longer see the community — removed from it, or invited and the invitation withdrawn — their
 * notifications about it keep their kind and time but give neither its IRI (no {@code community}, no {@code object}
 * naming it), nor its name, nor, for a moderation notice, the community as actor (the organisation's moderation
 * speaks instead). A member who still sees it keeps all of it.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class NotificationSecretCommunityTest {

    static String body(String login) {
        return as(login).get("/api/notifications").then().statusCode(200).extract().asString();
    }

    static List<String> kinds(String login) {
        return as(login).get("/api/notifications").then().statusCode(200).extract().jsonPath().getList("items.kind", String.class);
    }

    @Test
    void whoMayNoLongerSeeASecretCommunityIsNotToldItsSlugByAnyNotification() {
        String owner = person("owner"), alice = person("alice"), bob = person("bob"), carol = person("carol");
        String slug = community(owner, "secret", alice, bob);
        String iri = Iri.community(slug);
        String mine = post(alice, "Mon point d'étape", slug);
        post(owner, "Point d'équipe avec @" + alice + " et @" + bob, slug);
        as(owner).body(Map.of("object", mine, "action", "hide", "reason", "Hors sujet")).post("/api/moderation/actions")
                .then().statusCode(200);
        as(owner).body(Map.of("login", carol)).post("/api/communities/{s}/invitations", slug).then().statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(kinds(alice)).containsExactlyInAnyOrder("invitation", "mention", "hidden");
            assertThat(kinds(bob)).containsExactlyInAnyOrder("invitation", "mention");
            assertThat(kinds(carol)).containsExactly("invitation");
        });
        assertThat(body(alice)).as("while alice is a member").contains(iri);

        as(owner).delete("/api/communities/{s}/members/{l}", slug, alice).then().statusCode(204);
        as(owner).delete("/api/communities/{s}/invitations/{l}", slug, carol).then().statusCode(204);

        for (String gone : List.of(alice, carol)) {
            assertThat(body(gone)).as("%s's notifications, who may no longer see %s", gone, slug).doesNotContain(slug);
        }
        JsonPath page = as(alice).get("/api/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.kind", String.class)).containsExactlyInAnyOrder("invitation", "mention", "hidden");
        assertThat(page.getList("items.community")).containsOnlyNulls();
        assertThat(page.getString("items.find { it.kind == 'hidden' }.actor.iri")).isEqualTo(NotificationPlanner.ORGANISATION_MODERATION);
        assertThat(page.getString("items.find { it.kind == 'hidden' }.object")).isEqualTo(mine);
        assertThat(page.getString("items.find { it.kind == 'invitation' }.object")).isNull();
        String hidden = page.getString("items.find { it.kind == 'hidden' }.id");
        assertThat(as(alice).get("/api/notifications/{id}", hidden).then().statusCode(200).extract().asString())
                .doesNotContain(slug).contains(NotificationPlanner.ORGANISATION_MODERATION);

        String bobs = body(bob);
        assertThat(bobs).as("a member still sees it").contains(iri, "Community " + slug);
        assertThat(as(bob).get("/api/notifications").then().extract().jsonPath().getList("items.community"))
                .containsOnly(iri);
    }
}
