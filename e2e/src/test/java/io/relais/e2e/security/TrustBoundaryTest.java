package io.relais.e2e.security;

import io.relais.events.Iri;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trust-boundary findings of the 2026-11-30 probe, asked again of the real stack with real tokens: a private
 * community's member list (F6), mentions of people nobody knows (F8), mutes of things one may not see (F9),
 * community names copied from another community (F10). Principals as in {@link Principal}: hugo never belongs to
 * the suite's communities, farid left them, emma is a member, bob a community manager, carol an admin.
 */
class TrustBoundaryTest {

    static World world;

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        world = World.create();
    }

    /**
     * A CRM card for a secret community names as owner an employee who is not a member (found trying the stack,
     * 2026-12-01): the card's system wrote it, so its owner sees it only through its audience — not in their home
     * feed, on its page, in their notifications or in search, and may not remove it; a member sees it (control).
     */
    @Test
    void aCrmCardForASecretCommunityIsNotShownToTheNonMemberItNamesAsOwner() {
        String slug = world.slug("secret");
        String outsider = Principal.EMPLOYEE.login;
        String u = UUID.randomUUID().toString().substring(0, 8);
        String deal = "Boardonly" + u + " acquisition";
        Map<String, Object> event = Map.of("eventType", "opportunity.won", "eventId", "e2e-secret-" + u, "occurredAt", "2026-12-01T09:00:00Z",
                "data", Map.of("opportunityId", "opp-" + u, "name", deal, "account", "Target Corp", "amount", 50_000_000,
                        "currency", "EUR", "owner", outsider, "team", slug));
        Stack.awaitMappable(Stack.clientToken("crm-connector"), "crm", event); // the connector has heard of the new community
        Stack.send(RestAssured.given().auth().oauth2(Stack.clientToken("crm-connector")).contentType("application/json")
                .body(event), "POST", Stack.CONNECTOR + "/api/connectors/crm/events").then().statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("published"));

        String id = await().atMost(Duration.ofSeconds(60)).until(() -> Stack.as(World.MEMBER).get(Stack.FEED + "/api/feed/home")
                .then().statusCode(200).extract().<String>path("items.find { it.post.toString().contains('" + u + "') }.post.id"),
                Objects::nonNull);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Stack.as(World.MEMBER)
                .queryParam("q", "Boardonly" + u).get(Stack.SEARCH + "/api/search").then().statusCode(200)
                .extract().jsonPath().getList("hits.id")).containsExactly(id));

        Stack.as(outsider).get(Stack.FEED + "/api/posts/{id}", id).then().statusCode(404);
        assertThat(Stack.as(outsider).get(Stack.FEED + "/api/feed/home").then().statusCode(200).extract().asString()).doesNotContain(u);
        assertThat(Stack.as(outsider).get(Stack.FEED + "/api/notifications").then().statusCode(200).extract().asString()).doesNotContain(id);
        assertThat(Stack.as(outsider).queryParam("q", "Boardonly" + u).get(Stack.SEARCH + "/api/search").then().statusCode(200)
                .extract().jsonPath().getList("hits")).isEmpty();
        Stack.as(outsider).delete(Stack.FEED + "/api/posts/{id}", id).then().statusCode(404);
        Stack.as(World.MEMBER).get(Stack.FEED + "/api/posts/{id}", id).then().statusCode(200);
    }

    /**
     * A CRM card for a slug no community has (found trying the stack, 2026-12-01): before, it was published to
     * {@code urn:relais:community:<slug>}, and the employee who later created that slug became the owner of every card
     * the CRM had sent there. Now it is a dead letter the admin sees, with the reason; the community's creator reads
     * none of it, on its page or at home.
     */
    @Test
    void aCrmCardToACommunityNobodyCreatedIsNotReadByWhoeverCreatesThatSlugLater() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String slug = "ventes-emea-" + u;
        String eventId = "e2e-orphan-" + u;
        String crm = Stack.clientToken("crm-connector");
        Map<String, Object> event = Map.of("eventType", "opportunity.won", "eventId", eventId, "occurredAt", "2026-12-01T09:00:00Z",
                "data", Map.of("opportunityId", "opp-" + u, "name", "Orphandeal" + u, "account", "Target Corp",
                        "amount", 3_000_000, "currency", "EUR", "owner", Principal.COMMUNITY_MANAGER.login, "team", slug));
        Stack.send(RestAssured.given().auth().oauth2(crm).contentType("application/json").body(event), "POST",
                        Stack.CONNECTOR + "/api/connectors/crm/events").then().statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo("dead-lettered"))
                .body("reason", org.hamcrest.Matchers.containsString("data.team: no community '" + slug + "'"));

        String creator = Principal.EMPLOYEE.login;
        Stack.as(creator).contentType("application/json").body(Map.of("slug", slug, "name", "Ventes EMEA " + u,
                "description", "Created after the CRM wrote to its slug", "visibility", "private"))
                .post(Stack.FEED + "/api/communities").then().statusCode(201);
        // once the connector has heard of the community, the same event would map: nothing was waiting to be delivered
        Stack.awaitMappable(crm, "crm", event);
        String post = Stack.as(creator).contentType("application/json")
                .body(Map.of("content", "<p>Controlpost" + u + "</p>", "audience", Map.of("community", slug)))
                .post(Stack.FEED + "/api/posts").then().statusCode(201).extract().path("id");
        await().atMost(Stack.PROJECTION_WAIT).untilAsserted(() -> assertThat(Stack.as(creator)
                .get(Stack.FEED + "/api/feed/communities/" + slug).then().statusCode(200).extract().asString()).contains(post));

        assertThat(Stack.as(creator).get(Stack.FEED + "/api/feed/communities/" + slug).then().statusCode(200).extract().asString())
                .doesNotContain("Orphandeal" + u);
        assertThat(Stack.as(creator).get(Stack.FEED + "/api/feed/home").then().statusCode(200).extract().asString())
                .doesNotContain("Orphandeal" + u);
        Stack.as(Principal.ADMIN.login).get(Stack.CONNECTOR + "/api/connectors/dead-letters/crm:" + eventId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("open"))
                .body("reason", org.hamcrest.Matchers.containsString("data.team: no community '" + slug + "'"));
        RestAssured.given().auth().oauth2(crm).get(Stack.CONNECTOR + "/api/connectors/receipts/crm:" + eventId).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("dead-lettered"));
    }

    @Test
    void aPrivateCommunitysMembersAreListedToMembersCommunityManagersAndAdminsOnly() {
        String slug = world.slug("private");
        String members = Stack.FEED + "/api/communities/" + slug + "/members";
        for (String insider : List.of(World.MEMBER, World.OWNER, Principal.COMMUNITY_MANAGER.login, Principal.ADMIN.login)) {
            assertThat(Stack.as(insider).get(members).then().statusCode(200).extract().jsonPath().getList("members.person.login"))
                    .as(insider).contains(World.MEMBER, World.OWNER);
        }
        String feedAnswer = Stack.as(Principal.EMPLOYEE.login).get(Stack.FEED + "/api/feed/communities/" + slug)
                .then().statusCode(404).extract().path("detail");
        for (String outsider : List.of(Principal.EMPLOYEE.login, World.FORMER)) {
            Response r = Stack.as(outsider).get(members);
            assertThat(r.statusCode()).as(outsider).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("detail")).isEqualTo(feedAnswer);
            assertThat(r.asString()).doesNotContain(World.MEMBER, World.MODERATOR);
        }
    }

    @Test
    void aMentionOfSomeoneNobodyKnowsStaysPlainText() {
        String nobody = "nobody-" + world.run;
        Response created = Stack.as(World.MEMBER).contentType("application/json")
                .body(Map.of("content", "<p>Merci @" + nobody + " et @" + Principal.EMPLOYEE.login + "</p>"))
                .post(Stack.FEED + "/api/posts");
        created.then().statusCode(201);
        assertThat(created.jsonPath().getList("mentions", String.class)).containsExactly(Iri.person(Principal.EMPLOYEE.login));
        assertThat(created.jsonPath().getString("content")).contains("&#64;" + nobody).doesNotContain("<a");
        String post = created.path("id");
        await().atMost(Stack.PROJECTION_WAIT).untilAsserted(() -> assertThat(Stack.as(Principal.EMPLOYEE.login)
                .get(Stack.FEED + "/api/notifications?limit=50").then().statusCode(200).extract().jsonPath()
                .getList("items.object", String.class)).contains(post));
    }

    @Test
    void mutingWhatOneMayNotSeeIsNotFoundAndNothingIsStored() {
        String hugo = Principal.EMPLOYEE.login;
        String mutes = Stack.FEED + "/api/notifications/mutes";
        for (String path : List.of("/thread/" + world.value("secret", "post"), "/thread/" + world.value("private", "post"),
                "/thread/01a22ce9-0000-7000-0000-000000000000", "/community/" + world.slug("secret"),
                "/community/no-such-community-" + world.run)) {
            Response r = Stack.as(hugo).put(mutes + path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        List<String> ids = Stack.as(hugo).get(mutes).then().statusCode(200).extract().jsonPath().getList("mutes.id", String.class);
        assertThat(ids).doesNotContain(world.value("secret", "post"), world.value("private", "post"), world.slug("secret"));
        Stack.as(hugo).delete(mutes + "/community/" + world.slug("secret")).then().statusCode(204);
        Stack.as(World.MEMBER).put(mutes + "/thread/" + world.value("secret", "post")).then().statusCode(204);
        Stack.as(World.MEMBER).delete(mutes + "/thread/" + world.value("secret", "post")).then().statusCode(204);
    }

    @Test
    void aCommunityNameCopiedFromAnotherIsRefusedWithoutNamingItsSlug() {
        for (String visibility : List.of("public", "secret")) {
            String slug = world.slug(visibility);
            String copy = "  SECURITY " + visibility + " — " + world.run + " !";
            Response r = Stack.as(Principal.EMPLOYEE.login).contentType("application/json")
                    .body(Map.of("slug", "copy-" + visibility.substring(0, 3) + "-" + world.run, "name", copy,
                            "description", "Le vrai", "visibility", "public"))
                    .post(Stack.FEED + "/api/communities");
            assertThat(r.statusCode()).as(visibility).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getList("errors.field", String.class)).containsExactly("name");
            assertThat(r.asString()).doesNotContain(slug);
        }
    }
}
