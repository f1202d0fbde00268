package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.relais.search.Events.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The insights API over the real index, fed through the in-process broker: a public community's week of activity
 * (hand-computed figures below), the CSV answer, parameter problems, who may see what, and a rebuild that gives the
 * same figures. The figures' definitions themselves are tested one by one in {@code InsightsCalculationTest}.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class InsightsResourceTest {

    /** One week nobody else's test writes in: Monday 3 to Sunday 9 February 2025. */
    static final String FROM = "2025-02-03";
    static final String TO = "2025-02-09";
    static final String U = UUID.randomUUID().toString().substring(0, 8);
    static final String OPEN = "open-" + U;
    static final String CLOSED = "closed-" + U;
    static final String SECRET_WORD = "confidentiel" + U;

    static Instant at(String when) {
        return Instant.parse(when);
    }

    static Activity join(String login, String slug, String role, String when) {
        return Activity.builder().type(As2.JOIN).actor(Iri.person(login)).object(AsObject.ref(Iri.community(slug)))
                .to(Iri.community(slug)).relais(Map.of("role", role)).published(at(when)).build();
    }

    static Activity leave(String login, String slug, String when) {
        return Activity.builder().type(As2.LEAVE).actor(Iri.person(login)).object(AsObject.ref(Iri.community(slug)))
                .to(Iri.community(slug)).published(at(when)).build();
    }

    static Activity post(String login, String slug, String html, String when) {
        List<String> to = List.of(Iri.community(slug));
        return Events.post(login, html, to, List.of(Audience.ORGANISATION), at(when));
    }

    static Activity privatePost(String login, String slug, String html, String when) {
        return Events.post(login, html, List.of(Iri.community(slug)), null, at(when));
    }

    static Activity comment(String login, Activity root, String html, String when) {
        Activity c = Events.comment(login, root, html);
        return c.toBuilder().published(at(when)).object(c.object().toBuilder().published(at(when)).build()).build();
    }

    static Activity like(String login, Activity root, String when) {
        return Events.like(login, root, "like").toBuilder().published(at(when)).build();
    }

    static String person(String name) {
        return name + U;
    }

    /*
     * open: a, b, c, d, e joined on 1 Feb (a as owner, b as moderator); f joins on the 4th and leaves on the 6th.
     * a asks a question on Monday 09:00, b answers at 09:20 (20 minutes); c posts, d comments; e reacts to a's post.
     * Week of 3 Feb: active a, b, c, d, e = 5; contributors a, b, c, d = 4 (participation withheld below 5);
     * 2 posts, 2 comments, 1 reaction; 1 question, answered, median 20 min; 5 members, 1 join, 1 leave, growth 0.
     */
    private static boolean published;

    /** Published once, from the first test (RestAssured knows the test port only once a test runs, not in @BeforeAll). */
    @BeforeEach
    synchronized void aWeekOfActivity() {
        if (published) return;
        published = true;
        publish(Events.community(OPEN, "Open " + U, "public"));
        publish(Events.community(CLOSED, "Closed " + U, "private"));
        String[] roles = {"owner", "moderator", "member", "member", "member"};
        String[] people = {"a", "b", "c", "d", "e"};
        for (int i = 0; i < people.length; i++) {
            publish(join(person(people[i]), OPEN, roles[i], "2025-02-01T08:00:00Z"));
            publish(join(person(people[i]), CLOSED, "member", "2025-02-01T08:00:00Z"));
        }
        publish(join(person("f"), OPEN, "member", "2025-02-04T08:00:00Z"));
        publish(leave(person("f"), OPEN, "2025-02-06T08:00:00Z"));
        Activity question = post(person("a"), OPEN, "<p>Qui a la clé de la salle ?</p>", "2025-02-03T09:00:00Z");
        Activity news = post(person("c"), OPEN, "<p>Nouvelles de l'atelier</p>", "2025-02-04T10:00:00Z");
        publish(question);
        publish(news);
        publish(comment(person("b"), question, "<p>Moi</p>", "2025-02-03T09:20:00Z"));
        publish(comment(person("d"), news, "<p>Merci</p>", "2025-02-04T11:00:00Z"));
        publish(like(person("e"), question, "2025-02-05T12:00:00Z"));
        // the private community: five members wrote in it the same week
        for (String p : people) publish(privatePost(person(p), CLOSED, "<p>" + SECRET_WORD + "</p>", "2025-02-05T09:00:00Z"));
        await().atMost(Events.WAIT).untilAsserted(() -> {
            Response owner = insights(person("a"), OPEN, "employee");
            assertThat(owner.statusCode()).as(owner.asString()).isEqualTo(200);
            assertThat(owner.jsonPath().getLong("period.reactions")).isEqualTo(1);
            assertThat(insights("bob", CLOSED, "employee", "community-manager").jsonPath().getLong("period.posts")).isEqualTo(5);
        });
    }

    static Response insights(String login, String slug, String... roles) {
        return bucketed(login, slug, "week", roles);
    }

    static Response bucketed(String login, String slug, String bucket, String... roles) {
        return given().auth().oauth2(TestTokens.user(login, roles))
                .queryParam("from", FROM).queryParam("to", TO).queryParam("bucket", bucket)
                .get("/api/analytics/communities/{slug}", slug);
    }

    @Test
    void aWeekOfACommunityGivesTheHandComputedFigures() {
        Response r = insights("bob", OPEN, "employee", "community-manager");
        r.then().statusCode(200);
        Map<String, Object> week = r.jsonPath().getMap("buckets[0]");
        assertThat(r.jsonPath().getList("buckets")).hasSize(1);
        assertThat(week).containsEntry("start", FROM).containsEntry("end", TO)
                .containsEntry("activeMembers", 5).containsEntry("contributors", 4)
                .containsEntry("posts", 2).containsEntry("comments", 2).containsEntry("reactions", 1)
                .containsEntry("questions", 1).containsEntry("questionsAnswered", 1)
                .containsEntry("medianMinutesToFirstReply", 20.0f)
                .containsEntry("members", 5).containsEntry("joins", 1).containsEntry("leaves", 1).containsEntry("memberGrowth", 0);
        assertThat(week.get("participation")).isNull();
        assertThat(r.jsonPath().getString("buckets[0].withheld.participation")).isEqualTo("fewer than 5 contributors");
        assertThat(r.jsonPath().getMap("definitions")).containsKeys("activeMembers", "participation", "questions", "readers",
                "announcementReach", "cardReach", "topReach");
    }

    @Test
    void dailyBucketsWithFewerThanFiveActivePeopleAreWithheldNotCounted() {
        Response r = bucketed("bob", OPEN, "day", "employee", "community-manager");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getList("buckets")).hasSize(7);
        // Monday: a and b only
        assertThat(r.jsonPath().getString("buckets[0].posts")).isNull();
        assertThat(r.jsonPath().getString("buckets[0].withheld.posts")).isEqualTo("fewer than 5 active people");
        assertThat(r.asString()).doesNotContain("\"activeMembers\":2");
    }

    @Test
    void acceptTextCsvGivesAHeaderAndOneRowPerBucket() {
        Response r = given().auth().oauth2(TestTokens.user("bob", "employee", "community-manager")).accept("text/csv")
                .queryParam("from", FROM).queryParam("to", TO).queryParam("bucket", "day")
                .get("/api/analytics/communities/{slug}", OPEN);
        r.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        String[] lines = r.asString().split("\r?\n");
        assertThat(lines).hasSize(8);
        assertThat(lines[0]).startsWith("bucket_start,bucket_end,active_members,contributors,readers,members");
        assertThat(lines[1]).startsWith("2025-02-03,2025-02-03,,");
        Response org = given().auth().oauth2(TestTokens.user("bob", "employee", "community-manager")).accept("text/csv")
                .queryParam("from", FROM).queryParam("to", TO).get("/api/analytics/organisation");
        org.then().statusCode(200);
        assertThat(org.asString().split("\r?\n")).hasSize(2);
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        Response unknown = bucketed("bob", OPEN, "hour", "employee", "community-manager");
        unknown.then().statusCode(400).contentType("application/problem+json");
        assertThat(unknown.jsonPath().getString("errors[0].field")).isEqualTo("bucket");
        Response backwards = given().auth().oauth2(TestTokens.user("bob", "community-manager"))
                .queryParam("from", "2025-03-01").queryParam("to", "2025-02-01").get("/api/analytics/organisation");
        backwards.then().statusCode(400);
        assertThat(backwards.jsonPath().getString("errors[0].field")).isEqualTo("from");
        Response tooLong = given().auth().oauth2(TestTokens.user("bob", "community-manager")).accept("text/csv")
                .queryParam("from", "2025-01-01").queryParam("to", "2025-12-31").queryParam("bucket", "day")
                .get("/api/analytics/communities/{slug}", OPEN);
        tooLong.then().statusCode(400).contentType("application/problem+json");
        assertThat(tooLong.jsonPath().getString("errors[0].message")).contains("92 days");
    }

    @Test
    void ownersAndModeratorsSeeTheirCommunityButOrdinaryMembersDoNot() {
        insights(person("a"), OPEN, "employee").then().statusCode(200);
        insights(person("b"), OPEN, "employee").then().statusCode(200);
        insights(person("c"), OPEN, "employee").then().statusCode(403);
        insights("mallory", OPEN, "employee").then().statusCode(403);
        insights("bob", "no-such-" + U, "employee", "community-manager").then().statusCode(404);
        given().get("/api/analytics/communities/{slug}", OPEN).then().statusCode(401);
    }

    @Test
    void aManagerOutsideAPrivateCommunitySeesItsFiguresButNoneOfItsContentOrPeople() {
        Response r = insights("bob", CLOSED, "employee", "community-manager");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getLong("period.posts")).isEqualTo(5);
        assertThat(r.jsonPath().getBoolean("contentShown")).isFalse();
        assertThat(r.jsonPath().getList("topPosts")).isEmpty();
        assertThat(r.jsonPath().getList("topContributors")).isEmpty();
        assertThat(r.asString()).doesNotContain(SECRET_WORD).doesNotContain(person("a"));
        // an employee outside it does not learn it exists
        insights("mallory", CLOSED, "employee").then().statusCode(404);
        // its members see its content
        Response member = insights(person("a"), CLOSED, "employee", "community-manager");
        assertThat(member.jsonPath().getList("topPosts")).hasSize(5);
    }

    @Test
    void theOrganisationIsForManagersAndAdministrators() {
        given().auth().oauth2(TestTokens.user("alice", "employee")).get("/api/analytics/organisation").then().statusCode(403);
        Response r = given().auth().oauth2(TestTokens.user("carol", "employee", "admin"))
                .queryParam("from", FROM).queryParam("to", TO).queryParam("bucket", "month").get("/api/analytics/organisation");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getString("scope")).isEqualTo("organisation");
        // both communities' posts; members = the six people who belonged to one at some point, five at the end
        assertThat(r.jsonPath().getLong("period.posts")).isEqualTo(7);
        assertThat(r.jsonPath().getLong("period.members")).isEqualTo(5);
    }

    @Test
    void aRebuiltIndexGivesTheSameFigures() {
        Response before = bucketed("bob", OPEN, "day", "employee", "community-manager");
        String admin = TestTokens.user("carol", "employee", "admin");
        given().auth().oauth2(admin).post("/api/search/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(given().auth().oauth2(admin).get("/api/search/admin/rebuild").jsonPath().getString("state"))
                        .isEqualTo("done"));
        Response after = bucketed("bob", OPEN, "day", "employee", "community-manager");
        assertThat(after.jsonPath().getList("buckets")).isEqualTo(before.jsonPath().getList("buckets"));
        assertThat(after.jsonPath().getMap("period")).isEqualTo(before.jsonPath().getMap("period"));
    }

    /**
     * A post a moderator hid takes its thread out of every read, so what its comments said (here a hashtag six people
     * used there) is no longer among the top hashtags a manager reads; the figures still count them.
     */
    @Test
    void theCommentsOfAHiddenPostGiveNoTopHashtag() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String slug = "hid-" + u;
        String tag = "cache" + u;
        publish(Events.community(slug, "Hidden thread " + u, "public"));
        String now = Instant.now().toString();
        publish(join("hugo" + u, slug, "owner", now));
        Activity post = Events.post("hugo" + u, "<p>Un sujet</p>", List.of(Iri.community(slug)), List.of(Audience.ORGANISATION));
        publish(post);
        for (int i = 0; i < 6; i++) {
            Activity c = Events.comment("voix" + i + u, post, "<p>#" + tag + "</p>");
            publish(c.toBuilder().object(c.object().toBuilder().tag(List.of(io.relais.events.Tag.hashtag(tag))).build()).build());
        }
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(latest("bob", slug).jsonPath().getList("topHashtags.tag"))
                .containsExactly(tag));

        publish(ModerationIndexingTest.decision(post, "hide", true));
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(Api.ids("bob", Map.of("q", "#" + tag))).isEmpty());
        Response r = latest("bob", slug);
        assertThat(r.jsonPath().getLong("period.comments")).as("the figures").isEqualTo(6);
        assertThat(r.jsonPath().getList("topHashtags.tag")).as("top hashtags").isEmpty();
    }

    /** The insights of the last 30 days (the default period), as a community manager outside the community. */
    static Response latest(String login, String slug) {
        Response r = given().auth().oauth2(TestTokens.user(login, "employee", "community-manager"))
                .get("/api/analytics/communities/{slug}", slug);
        r.then().statusCode(200);
        return r;
    }
}
