package io.relais.e2e.security;

import io.relais.e2e.FailedExchangeLog;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Leak probes: a private and a secret community, each with a post (text with a unique marker word, a hashtag,
 * a skill hashtag, a mention of an outsider, an attachment), a comment and a reaction; then every read path a
 * person has (feeds home, community, hashtag and person, the thread, its comments and reactions, attachments,
 * the activity, notifications, live push, search hits, totals and facets, suggestions, the community directory,
 * analytics, expertise and activity counts) is asked by outsiders: none of the posts' text, ids or counts may
 * appear.
 *
 * <p>Outsiders: hugo (employee, never a member), farid (joined, left before the posts), ines (a member when the
 * posts were made, so they were fanned out to her, then left), and bob (community manager, for analytics).
 * Every probe first waits until a member sees the post through the same path (the positive control: the
 * projection has it), then asks the outsider; where no member view exists, the outsider's answer must stay
 * clean for a few seconds after the control of a sibling projection.
 */
class LeakProbeTest {

    static final String LATE_LEAVER = "ines";
    static final List<String> VISIBILITIES = List.of("private", "secret");
    static final Duration QUIET = Duration.ofSeconds(3);

    static World world;
    static final Map<String, LiveStream> live = new LinkedHashMap<>();
    static long emmaActivityBefore;

    @BeforeAll
    static void setUp() {
        FailedExchangeLog.enable();
        world = World.create();
        Stack.ensureEmployeeAccount(LATE_LEAVER, "Inès", "Benali");
        // the member lists the skill the posts are tagged with, so the expertise finder ranks her for it
        Stack.as(World.MEMBER).contentType("application/json").body(Map.of("skills", List.of(world.value("-", "skill"))))
                .patch(Stack.PROFILE + "/api/people/me").then().statusCode(200);
        await().atMost(Stack.PROJECTION_WAIT).until(() -> expertActivity(Principal.EMPLOYEE.login).isPresent());
        emmaActivityBefore = expertActivity(Principal.EMPLOYEE.login).orElseThrow();
        for (String v : VISIBILITIES) {
            String slug = world.slug(v);
            Stack.as(World.OWNER).contentType("application/json").body(Map.of("logins", List.of(LATE_LEAVER)))
                    .post(Stack.FEED + "/api/communities/" + slug + "/members").then().statusCode(200);
        }
        for (String who : List.of(World.MODERATOR, Principal.EMPLOYEE.login, World.FORMER, LATE_LEAVER)) {
            LiveStream s = LiveStream.open(who);
            await().atMost(Duration.ofSeconds(20)).until(() -> s.text().contains("ready"));
            live.put(who, s);
        }
        for (String v : VISIBILITIES) world.value(v, "comment"); // post (with attachment and reaction), then comment
        // the late leaver had the posts in her home feed (fan-out happened), then leaves
        for (String v : VISIBILITIES) {
            await().atMost(Stack.PROJECTION_WAIT).until(() -> Stack.as(LATE_LEAVER).get(Stack.FEED + "/api/feed/home")
                    .asString().contains(world.marker(v)));
            Stack.as(LATE_LEAVER).contentType("application/json").post(Stack.FEED + "/api/communities/" + world.slug(v) + "/leave").then().statusCode(204);
        }
        // a public post with the skill hashtag, after the others: the barrier for expertise counts
        Stack.as(World.MEMBER).contentType("application/json")
                .body(Map.of("content", "<p>Note publique #" + world.value("-", "skill") + "</p>"))
                .post(Stack.FEED + "/api/posts").then().statusCode(201);
    }

    @AfterAll
    static void closeStreams() {
        live.values().forEach(LiveStream::close);
    }

    static List<String> outsiders() {
        return List.of(Principal.EMPLOYEE.login, World.FORMER, LATE_LEAVER);
    }

    /** What must never reach an outsider from community {@code v}: the marker text, every id, the community slug. */
    static List<String> secrets(String v) {
        return List.of(world.marker(v), world.value(v, "post"), world.value(v, "comment"), world.value(v, "attachment"),
                world.slug(v));
    }

    /** A read path: how a person asks it, and whether a member's answer has the post (the positive control). */
    record ReadPath(String name, String url, boolean memberSees) {
        Response ask(String who) {
            return Stack.send(Stack.as(who), "GET", url);
        }
    }

    static List<ReadPath> listPaths(String v) {
        String marker = world.marker(v);
        String tag = world.value(v, "tag");
        String secretName = "Security " + v + " " + world.run;
        return List.of(
                new ReadPath("home feed", Stack.FEED + "/api/feed/home?limit=50", true),
                new ReadPath("community feed", Stack.FEED + "/api/feed/communities/" + world.slug(v), true),
                new ReadPath("hashtag feed", Stack.FEED + "/api/feed/hashtags/" + tag, true),
                new ReadPath("person feed", Stack.FEED + "/api/feed/people/" + World.MEMBER, true),
                new ReadPath("notifications", Stack.FEED + "/api/notifications?limit=50", false),
                new ReadPath("search hits and totals", Stack.SEARCH + "/api/search?q=" + marker, true),
                new ReadPath("search facets (type post, newest)", Stack.SEARCH + "/api/search?q=confidentiel&type=post,comment&sort=recent&limit=50", true),
                new ReadPath("search filtered on the community", Stack.SEARCH + "/api/search?community=" + world.slug(v) + "&q=confidentiel", true),
                new ReadPath("search by hashtag", Stack.SEARCH + "/api/search?q=%23" + tag, true),
                new ReadPath("suggestions (hashtag)", Stack.SEARCH + "/api/search/suggest?q=" + marker, true),
                new ReadPath("suggestions (community)", Stack.SEARCH + "/api/search/suggest?types=community&q=" + AuthorizationMatrixTest.segment(secretName), true));
    }

    /** Reads by id: an outsider gets 404 and nothing of the post (the id they asked with may be echoed). */
    static List<ReadPath> byIdPaths(String v) {
        String post = world.value(v, "post");
        String comment = world.value(v, "comment");
        return List.of(
                new ReadPath("thread", Stack.FEED + "/api/posts/" + post, true),
                new ReadPath("reactions", Stack.FEED + "/api/posts/" + post + "/reactions", true),
                new ReadPath("comment reactions", Stack.FEED + "/api/posts/" + post + "/comments/" + comment + "/reactions", true),
                new ReadPath("attachment", Stack.FEED + "/api/attachments/" + world.value(v, "attachment"), true),
                new ReadPath("activity", Stack.FEED + "/api/activities/" + world.value(v, "activity"), true));
    }

    @TestFactory
    Stream<DynamicNode> outsidersSeeNothingOfPrivateAndSecretPosts() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (String v : VISIBILITIES) {
            List<DynamicNode> paths = new ArrayList<>();
            for (ReadPath p : listPaths(v)) {
                paths.add(DynamicTest.dynamicTest(p.name(), () -> {
                    if (p.memberSees()) awaitMemberSees(p, v);
                    List<String> leaks = new ArrayList<>();
                    for (String outsider : outsiders()) {
                        Response r = p.ask(outsider);
                        assertThat(r.statusCode()).as("%s as %s", p.name(), outsider).isLessThan(500);
                        String body = r.asString();
                        for (String s : secrets(v)) {
                            // what the caller sent may come back (a problem's detail): not a leak; a private
                            // community itself (name, slug) is listed in the directory, only its content is not
                            boolean listedCommunity = v.equals("private") && p.name().equals("suggestions (community)") && s.equals(world.slug(v));
                            if (body.contains(s) && !p.url().contains(s) && !listedCommunity) leaks.add(outsider + " got '" + s + "' in " + r.statusCode() + " " + clip(body));
                        }
                    }
                    assertThat(leaks).as("%s of a %s community", p.name(), v).isEmpty();
                }));
            }
            for (ReadPath p : byIdPaths(v)) {
                paths.add(DynamicTest.dynamicTest(p.name() + " by id", () -> {
                    // positive control: the author gets it (a member who is not the author is the matrix's business)
                    assertThat(p.ask(World.MEMBER).statusCode()).as("%s as its author", p.name()).isEqualTo(200);
                    List<String> leaks = new ArrayList<>();
                    for (String outsider : outsiders()) {
                        Response r = p.ask(outsider);
                        String body = r.asString();
                        if (r.statusCode() != 404) leaks.add(outsider + " got " + r.statusCode() + " " + clip(body));
                        if (body.contains(world.marker(v))) leaks.add(outsider + " got the text in " + clip(body));
                    }
                    assertThat(leaks).as("%s of a %s community", p.name(), v).isEmpty();
                }));
            }
            paths.add(DynamicTest.dynamicTest("community directory", () -> {
                await().atMost(Stack.PROJECTION_WAIT).until(() -> Stack.as(World.MODERATOR)
                        .get(Stack.FEED + "/api/communities?q=" + world.run).asString().contains(world.slug(v)));
                for (String outsider : outsiders()) {
                    String body = Stack.as(outsider).get(Stack.FEED + "/api/communities?q=" + world.run).asString();
                    if (v.equals("secret")) assertThat(body).as("directory as %s", outsider).doesNotContain(world.slug(v));
                    assertThat(body).as("directory as %s", outsider).doesNotContain(world.marker(v));
                }
            }));
            paths.add(DynamicTest.dynamicTest("live push", () -> {
                await().atMost(Stack.PROJECTION_WAIT).until(() -> live.get(World.MODERATOR).text().contains(world.marker(v)));
                await().during(QUIET).atMost(QUIET.plusSeconds(5)).untilAsserted(() -> {
                    // ines was a member when the posts were pushed: what she got then was hers to see
                    for (String outsider : List.of(Principal.EMPLOYEE.login, World.FORMER)) {
                        String received = live.get(outsider).text();
                        for (String s : secrets(v)) {
                            assertThat(received).as("live push of %s", outsider).doesNotContain(s);
                        }
                    }
                });
            }));
            paths.add(DynamicTest.dynamicTest("analytics for a community manager who is not a member", () -> {
                awaitSearchHas(v);
                Response r = Stack.as(Principal.COMMUNITY_MANAGER.login).get(Stack.SEARCH + "/api/analytics/communities/" + world.slug(v));
                // a manager gets the figures of a public or private community, but none of its content or people; a secret
                // one is "not found" to everyone outside it, managers included, as feed-service answers
                assertThat(r.statusCode()).as("analytics of a %s community", v).isEqualTo("secret".equals(v) ? 404 : 200);
                for (String s : List.of(world.marker(v), world.value(v, "post"), World.MEMBER, World.MODERATOR)) {
                    assertThat(r.asString()).as("analytics of a %s community for a non-member", v).doesNotContain(s);
                }
            }));
            nodes.add(DynamicContainer.dynamicContainer(v + " community", paths));
        }
        nodes.add(DynamicTest.dynamicTest("expertise and activity counts count only what the asker may see", () -> {
            String skill = world.value("-", "skill");
            // the public barrier post is counted for everyone…
            await().atMost(Stack.PROJECTION_WAIT).until(() -> topical(Principal.EMPLOYEE.login, skill) >= 1);
            // …and the private and secret ones never, for anyone outside them
            await().during(QUIET).atMost(QUIET.plusSeconds(5)).untilAsserted(() -> {
                for (String outsider : outsiders()) {
                    assertThat(topical(outsider, skill)).as("posts tagged #%s counted for %s", skill, outsider).isEqualTo(1);
                    assertThat(expertActivity(outsider).orElse(0L)).as("activity of %s counted for %s", World.MEMBER, outsider)
                            .isEqualTo(emmaActivityBefore + 1);
                }
            });
        }));
        return nodes.stream();
    }

    private static void awaitMemberSees(ReadPath p, String v) {
        await().atMost(Stack.PROJECTION_WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(p.ask(World.MODERATOR).asString()).as("%s as a member (positive control)", p.name())
                        .contains(p.name().startsWith("suggestions (community)") ? world.slug(v) : world.marker(v)));
    }

    private static void awaitSearchHas(String v) {
        await().atMost(Stack.PROJECTION_WAIT).until(() -> Stack.as(World.MODERATOR)
                .get(Stack.SEARCH + "/api/search?q=" + world.marker(v)).asString().contains(world.value(v, "post")));
    }

    /** How many posts tagged with the skill the expertise finder credits emma with, as {@code asker} sees it. */
    static int topical(String asker, String skill) {
        List<Map<String, Object>> experts = Stack.as(asker).get(Stack.PROFILE + "/api/expertise?skill=" + skill)
                .then().statusCode(200).extract().jsonPath().getList("$");
        return experts.stream().filter(e -> World.MEMBER.equals(e.get("login")))
                .map(e -> ((Number) e.get("topicalActivity")).intValue()).findFirst().orElse(0);
    }

    /** Emma's activity count as the expertise finder shows it to {@code asker}, if she is listed. */
    static java.util.Optional<Long> expertActivity(String asker) {
        String skill = world.value("-", "skill");
        List<Map<String, Object>> experts = Stack.as(asker).get(Stack.PROFILE + "/api/expertise?skill=" + skill)
                .then().statusCode(200).extract().jsonPath().getList("$");
        return experts.stream().filter(e -> World.MEMBER.equals(e.get("login")))
                .map(e -> ((Number) e.get("activity")).longValue()).findFirst();
    }

    private static String clip(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}
