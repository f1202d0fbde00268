package io.relais.web.layout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page template, rendered with content in it (posts, people, communities, notifications, queues), has exactly one
 * {@code <h1>} and no skipped heading level (WCAG 1.3.1 and 2.4.6: screen-reader users move by headings, and a jump
 * from h1 to h3 reads as a missing section), and a title that names the site once, last (WCAG 2.4.2). A post's own
 * page had no h1 at all; the people directory went from h1 to the cards' h3; the landing page was titled
 * "Relais · Relais".
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class PageOutlineTest {

    static final String POST = """
            {"id":"urn:relais:post:p1","content":"<p>Launch day for #atlas</p>","author":{"login":"alice","displayName":"Alice Martin"},
             "audience":"organisation","published":"2026-11-20T09:00:00Z","reactions":{"like":1},"commentCount":1}""";

    @BeforeAll
    static void contentEverywhere() {
        SERVICES.reset();
        SERVICES.on("GET /api/feed/home", 200, "{\"items\":[" + POST + "],\"next\":null}")
                .on("GET /api/feed/hashtags/atlas", 200, "{\"items\":[" + POST + "],\"next\":null}")
                .on("GET /api/feed/communities/atlas", 200, "{\"items\":[" + POST + "],\"next\":null}")
                .on("GET /api/feed/people/alice", 200, "{\"items\":[" + POST + "],\"next\":null}")
                .on("GET /api/posts/p1", 200, "{\"post\":" + POST + ",\"comments\":[{\"id\":\"urn:relais:comment:c1\",\"post\":\"urn:relais:post:p1\","
                        + "\"inReplyTo\":\"urn:relais:post:p1\",\"author\":{\"login\":\"bob\"},\"content\":\"<p>Bravo</p>\",\"created\":\"2026-11-20T09:15:00Z\"}]}")
                .on("GET /api/communities", 200, "[{\"slug\":\"atlas\",\"name\":\"Projet Atlas\",\"visibility\":\"public\",\"memberCount\":3,\"myStatus\":\"member\",\"myRole\":\"owner\"}]")
                .on("GET /api/communities/atlas", 200, "{\"slug\":\"atlas\",\"iri\":\"urn:relais:community:atlas\",\"name\":\"Projet Atlas\","
                        + "\"description\":\"Atlas\",\"visibility\":\"public\",\"memberCount\":3,\"myStatus\":\"member\",\"myRole\":\"owner\"}")
                .on("GET /api/communities/atlas/members", 200, "{\"items\":[{\"login\":\"alice\",\"displayName\":\"Alice Martin\",\"role\":\"owner\"}]}")
                .on("GET /api/people", 200, "{\"items\":[{\"login\":\"alice\",\"displayName\":\"Alice Martin\",\"title\":\"Engineer\"},"
                        + "{\"login\":\"bob\",\"displayName\":\"Bob Durand\"}],\"next\":null}")
                .on("GET /api/people/alice", 200, "{\"login\":\"alice\",\"displayName\":\"Alice Martin\",\"title\":\"Engineer\",\"manager\":\"carol\","
                        + "\"skills\":[{\"name\":\"Kafka\",\"endorsements\":2}],\"languages\":[\"fr\"]}")
                .on("GET /api/people/alice/manager-chain", 200, "[{\"login\":\"carol\",\"displayName\":\"Carol Petit\"}]")
                .on("GET /api/people/alice/reports", 200, "[{\"login\":\"dave\",\"displayName\":\"Dave Leroy\"}]")
                .on("GET /api/follows/mine", 200, "{\"persons\":[{\"login\":\"bob\",\"displayName\":\"Bob Durand\"}],"
                        + "\"communities\":[\"urn:relais:community:atlas\"],\"hashtags\":[\"urn:relais:hashtag:atlas\"]}")
                .on("GET /api/notifications", 200, "{\"items\":[{\"id\":\"n1\",\"kind\":\"mention\",\"actor\":{\"login\":\"bob\",\"displayName\":\"Bob Durand\"},"
                        + "\"object\":\"urn:relais:comment:c1\",\"post\":\"urn:relais:post:p1\",\"at\":\"2026-11-20T09:15:00Z\",\"read\":false}],\"next\":null,\"unread\":1}")
                .on("GET /api/search", 200, "{\"total\":1,\"hits\":[{\"id\":\"urn:relais:post:p1\",\"type\":\"post\",\"title\":\"Launch\","
                        + "\"snippet\":\"Launch day\",\"author\":{\"login\":\"alice\",\"displayName\":\"Alice Martin\"}}],\"facets\":{}}")
                .on("GET /api/search/people", 200, "{\"total\":1,\"people\":[{\"login\":\"alice\",\"displayName\":\"Alice Martin\"}]}");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "/, employee",
            "/posts/p1, employee",
            "/people, employee",
            "/people?q=alice, employee",
            "/people?skill=kafka, employee",
            "/people/alice, employee",
            "/people/me/edit, employee",
            "/following, employee",
            "/communities, employee",
            "/communities/atlas, employee",
            "/communities/atlas/settings, employee",
            "/hashtags/atlas, employee",
            "/notifications, employee",
            "/notifications/settings, employee",
            "/search?q=launch, employee",
            "/report?object=urn:relais:post:p1&post=p1, employee",
            "/dashboard, employee community-manager",
            "/moderation, employee community-manager",
            "/moderation/audit, employee admin",
            "/moderation/rules, employee admin",
            "/no/such/page, employee",
    })
    void everyPageHasOneH1AndNoSkippedHeadingLevel(String path, String role) {
        String html = given().header("X-Test-Login", "alice").header("X-Test-Roles", role.replace(' ', ','))
                .header("Accept-Language", "en").redirects().follow(false).get(path).then().extract().asString();

        assertOutline(path, html);
    }

    @ParameterizedTest(name = "{0} anonymous")
    @CsvSource({"/"})
    void theLandingPageToo(String path) {
        assertOutline(path, given().header("Accept-Language", "en").redirects().follow(false).get(path).asString());
    }

    private static void assertOutline(String path, String html) {
        assertThat(html).as("%s is a page", path).contains("<!DOCTYPE html>");
        Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(html);
        assertThat(title.find()).as("%s has a title", path).isTrue();
        assertThat(title.group(1)).as("the title of %s", path).endsWith("Relais")
                .satisfies(t -> assertThat(t.split("Relais", -1)).as("the site named once in “%s”", t).hasSize(2));
        List<Integer> levels = new ArrayList<>();
        Matcher m = Pattern.compile("<h([1-6])[\\s>]").matcher(html);
        while (m.find()) {
            levels.add(Integer.parseInt(m.group(1)));
        }
        assertThat(levels).as("headings of %s", path).filteredOn(l -> l == 1).hasSize(1);
        assertThat(levels.get(0)).as("the first heading of %s (%s)", path, levels).isEqualTo(1);
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i)).as("heading %d of %s after an h%d (%s)", i + 1, path, levels.get(i - 1), levels)
                    .isLessThanOrEqualTo(levels.get(i - 1) + 1);
        }
    }
}
