package io.relais.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.web.dashboard.InsightsView;
import io.relais.web.layout.Viewer;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The community managers' insights dashboard, rendered from search-service's analytics answer as it arrives over the wire. */
@QuarkusTest
class DashboardTest {

    static final Viewer ALICE = new Viewer(true, "alice", "urn:relais:person:alice", "Alice Martin", false, false);
    static final Viewer BOB = new Viewer(true, "bob", "urn:relais:person:bob", "Bob Durand", true, false);

    static final String COMMUNITIES = """
            [{"slug":"design-guild","name":"Design guild","visibility":"public"},
             {"slug":"atlas","name":"Projet <Atlas>","visibility":"secret"}]""";

    /*
     * Three weeks: the busiest has 4 + 6 + 10 = 20 contributions, the first 2 + 3 + 5 = 10, the last is withheld
     * (fewer than 5 active people). The SVG plot is 168 units high (12 to 180): 20 -> 168, so 4 posts -> 33.6.
     */
    static final String INSIGHTS = """
            {"scope":"community","community":"urn:relais:community:design-guild","name":"Design guild","visibility":"public",
             "from":"2026-11-09T00:00:00Z","to":"2026-11-29T23:59:59.999Z","bucket":"week","minGroup":5,"contentShown":true,
             "period":{"start":"2026-11-09","end":"2026-11-29","activeMembers":9,"contributors":6,"readers":3,"members":25,"joins":3,
                       "leaves":1,"memberGrowth":2,"posts":6,"comments":9,"reactions":15,"questions":4,"questionsAnswered":3,
                       "medianMinutesToFirstReply":42.5,"participation":{"top1Percent":20.0,"next9Percent":0.0,"other90Percent":80.0},
                       "announcementReach":43.8,"cardReach":40.0,"withheld":{}},
             "buckets":[
               {"start":"2026-11-09","end":"2026-11-15","activeMembers":6,"contributors":5,"readers":1,"members":24,"joins":1,"leaves":0,"memberGrowth":1,
                "posts":2,"comments":3,"reactions":5,"questions":1,"questionsAnswered":1,"announcementReach":62.5,"cardReach":null,
                "withheld":{"cardReach":"no card was published in the bucket"}},
               {"start":"2026-11-16","end":"2026-11-22","activeMembers":8,"contributors":5,"readers":2,"members":25,"joins":2,"leaves":1,"memberGrowth":1,
                "posts":4,"comments":6,"reactions":10,"questions":3,"questionsAnswered":2,"announcementReach":null,"cardReach":40.0,
                "withheld":{"announcementReach":"fewer than 5 people opened them"}},
               {"start":"2026-11-23","end":"2026-11-29","activeMembers":null,"contributors":null,"members":25,"joins":0,"leaves":0,"memberGrowth":0,
                "posts":null,"comments":null,"reactions":null,"questions":null,"withheld":{"posts":"fewer than 5 active people"}}],
             "topHashtags":[{"tag":"roadmap","uses":7,"authors":5}],
             "topContributors":[{"id":"urn:relais:person:dave","name":"<b>Dave</b> Leroy","posts":5,"comments":7,"reactions":2}],
             "topPosts":[{"id":"urn:relais:post:p-77","title":"Roadmap <script>alert(1)</script>","author":"urn:relais:person:dave",
                          "published":"2026-11-16T10:00:00Z","comments":9,"reactions":14}],
             "topReach":[{"id":"urn:relais:post:a-1","kind":"announcement","title":"Règlement <i>télétravail</i>",
                          "published":"2026-11-10T09:00:00Z","audience":8,"openers":5,"reach":62.5}],
             "definitions":{}}""";

    @Inject
    Engine engine;

    @Inject
    ObjectMapper json;

    @Test
    void aManagerSeesEachFigureOfThePeriodWithWhatItCounts() throws Exception {
        String html = render(BOB, Locale.ENGLISH, INSIGHTS);

        assertThat(html).contains("From 2026-11-09 to 2026-11-29 (UTC)");
        assertThat(html).contains("data-figure=\"activeMembers\"><th scope=\"row\">Active people</th><td class=\"num\">9</td>")
                .contains("<th scope=\"row\">Contributors</th><td class=\"num\">6</td>")
                .contains("<th scope=\"row\">Member growth</th><td class=\"num\">2</td>")
                .contains("<th scope=\"row\">Questions answered</th><td class=\"num\">3</td>")
                .contains("<td class=\"num\">42.5</td>")
                .contains("20.0 % / 0.0 % / 80.0 %");
        assertThat(html).contains("Opens are counted, never shown per person", "ends with a question mark, or tagged #question",
                "People of their audience (the whole directory) who opened the announcements");
        assertThat(html).contains("data-figure=\"readers\"><th scope=\"row\">Readers</th><td class=\"num\">3</td>")
                .contains("data-figure=\"announcementReach\"><th scope=\"row\">Announcement reach</th><td class=\"num\">43.8 %</td>")
                .contains("data-figure=\"cardReach\"><th scope=\"row\">Business card reach</th><td class=\"num\">40.0 %</td>");
        assertThat(html).contains("#roadmap", "7 uses, 5 people", "href=\"/people/dave\"", "href=\"/posts/p-77\"");
    }

    @Test
    void aWithheldBucketSaysSoAndShowsNoNumber() throws Exception {
        String html = render(BOB, Locale.ENGLISH, INSIGHTS);

        assertThat(html).contains("<time datetime=\"2026-11-23\">2026-11-23</time></th><td class=\"num\">withheld</td><td class=\"num\">withheld</td><td class=\"num\">withheld</td><td class=\"num\">25</td>");
        assertThat(html).contains("<rect class=\"withheld\"", "2026-11-23 — withheld");
    }

    @Test
    void theChartsAreInlineSvgBarsSizedAgainstTheTallestBucket() throws Exception {
        String html = render(BOB, Locale.ENGLISH, INSIGHTS);

        assertThat(html).contains("<svg class=\"chart\" viewBox=\"0 0 640 220\" role=\"img\" aria-label=\"Contributions per bucket\"");
        // busiest week: 20 fills the 168-unit plot; its 4 posts are 33.6 high, its 10 reactions 84
        assertThat(html).containsPattern("<rect class=\"s-posts\" x=\"[0-9.]+\" y=\"146.4\" width=\"[0-9.]+\" height=\"33.6\"><title>2026-11-16 — Posts: 4</title>")
                .containsPattern("height=\"84.0\"><title>2026-11-16 — Reactions: 10</title>")
                // first week: half of it
                .containsPattern("height=\"16.8\"><title>2026-11-09 — Posts: 2</title>");
        assertThat(html).as("no inline style: the CSP forbids it").doesNotContain("style=");
        assertThat(html.substring(html.indexOf("<svg"), html.lastIndexOf("</svg>"))).as("charts need no script")
                .doesNotContain("<script", "onload", "onclick");
    }

    @Test
    void reachIsChartedAgainstAHundredPercentAndListedPerItemWithoutNamingAnyone() throws Exception {
        String html = render(BOB, Locale.ENGLISH, INSIGHTS);

        assertThat(html).contains("aria-label=\"Reach of announcements per bucket (% of their audience)\"");
        // 62.5 % → 63 of 100: 105.8 of the 168-unit plot; 40 % → 67.2
        assertThat(html).containsPattern("<rect class=\"s-announcements\" x=\"[0-9.]+\" y=\"74.2\" width=\"[0-9.]+\" height=\"105.8\">"
                        + "<title>2026-11-09 — Announcement reach: 63 %</title>")
                .containsPattern("<rect class=\"s-cards\" x=\"[0-9.]+\" y=\"112.8\" width=\"[0-9.]+\" height=\"67.2\">"
                        + "<title>2026-11-16 — Business card reach: 40 %</title>");
        // the people chart stacks contributors, those who only reacted and those who only opened
        assertThat(html).containsPattern("<rect class=\"s-readers\"[^>]*><title>2026-11-16 — Opened only: 2</title>")
                .containsPattern("<title>2026-11-16 — Reacted only: 1</title>");
        String reachTable = html.substring(html.indexOf("id=\"dash-reach-table\""), html.indexOf("</table>", html.indexOf("id=\"dash-reach-table\"")));
        assertThat(reachTable).contains("href=\"/posts/a-1\"", "Règlement &lt;i&gt;télétravail&lt;/i&gt;", "Announcement",
                "<td class=\"num\">8</td><td class=\"num\">5</td><td class=\"num\">62.5 %</td>");
        assertThat(html).contains("<td class=\"num\">62.5 %</td><td class=\"num\">withheld</td></tr>");
    }

    @Test
    void namesAndTitlesFromTheServicesAreEscaped() throws Exception {
        String html = render(BOB, Locale.ENGLISH, INSIGHTS);

        assertThat(html).doesNotContain("<script>alert(1)", "<b>Dave</b>", "Projet <Atlas>")
                .contains("Roadmap &lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Dave&lt;/b&gt; Leroy", "Projet &lt;Atlas&gt;");
    }

    @Test
    void theDashboardSpeaksFrench() throws Exception {
        String html = render(BOB, Locale.FRENCH, INSIGHTS);

        assertThat(html).contains("Indicateurs", "Personnes actives", "Croissance des membres", "Questions avec réponse",
                "les ouvertures sont comptées, jamais montrées par personne", "Portée des annonces", "Lecteurs", "30 derniers jours", "Semaines", "Du 2026-11-09 au 2026-11-29 (UTC)",
                "masqué", "Contributions par période");
    }

    @Test
    void aManagerOutsideAPrivateCommunityIsToldItsContentIsNotShown() throws Exception {
        String hidden = INSIGHTS.replace("\"contentShown\":true", "\"contentShown\":false")
                .replaceAll("\"top(Hashtags|Contributors|Posts)\":\\[[^\\]]*\\]", "\"top$1\":[]");
        String html = render(BOB, Locale.ENGLISH, hidden);

        assertThat(html).contains("id=\"dash-content-hidden\"", "None used by at least 5 people.")
                .doesNotContain("id=\"dash-contributors-table\"", "id=\"dash-posts-table\"");
    }

    @Test
    void aSecretCommunityTheManagerMayNotKnowIsAFriendlyNotFound() throws Exception {
        String html = engine.getTemplate("dashboard/page.html").instance().setLocale(Locale.ENGLISH)
                .data("me", BOB).data("lang", "en").data("nav", "dashboard")
                .data("communities", json.readTree(COMMUNITIES)).data("slug", "atlas").data("days", 7)
                .data("periods", List.of(7, 30, 90, 365)).data("bucket", "day").data("buckets", List.of("day", "week", "month"))
                .data("notFound", true).render();

        assertThat(html).contains("id=\"dashboard-not-found\"", "secret community you are not a member of")
                .doesNotContain("id=\"dash-figures\"");
        assertThat(html).contains("<option value=\"atlas\" selected>", "value=\"7\" checked", "value=\"day\" checked");
    }

    @Test
    void theReportOffersTheCsvOfTheSameChoiceAndTheOrganisationAsAScope() throws Exception {
        String html = render(BOB, Locale.ENGLISH, INSIGHTS);

        assertThat(html).contains("href=\"/dashboard/export.csv?community=design-guild&amp;days=30&amp;bucket=week\" download")
                .contains("<option value=\"\">Whole organisation</option>");
    }

    @Test
    void everyInsightsMessageHasItsFrenchTextAndNoFrenchTextIsStale() throws Exception {
        java.util.Set<String> english = java.util.Arrays.stream(io.relais.web.dashboard.InsightsMsg.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(io.quarkus.qute.i18n.Message.class))
                .map(java.lang.reflect.Method::getName).collect(java.util.stream.Collectors.toSet());
        java.util.Properties french = new java.util.Properties();
        try (var in = new java.io.InputStreamReader(DashboardTest.class.getResourceAsStream("/messages/ins_fr.properties"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            french.load(in);
        }
        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english);
    }

    @Test
    void unknownPeriodsAndBucketsFallBackAndDaysNeverSpanMoreThan92Days() {
        assertThat(io.relais.web.dashboard.DashboardPage.period("abc")).isEqualTo(30);
        assertThat(io.relais.web.dashboard.DashboardPage.bucket("hour", 30)).isEqualTo("week");
        assertThat(io.relais.web.dashboard.DashboardPage.bucket(null, 30)).isEqualTo("week");
        assertThat(io.relais.web.dashboard.DashboardPage.bucket("day", 90)).isEqualTo("day");
        assertThat(io.relais.web.dashboard.DashboardPage.bucket("day", 365)).isEqualTo("week");
    }

    @Test
    void theNavigationOffersTheDashboardOnlyToManagersAndAdmins() {
        Viewer carol = new Viewer(true, "carol", "urn:relais:person:carol", "Carol", false, true);

        assertThat(shell(BOB)).contains("href=\"/dashboard\"");
        assertThat(shell(carol)).contains("href=\"/dashboard\"");
        assertThat(shell(ALICE)).doesNotContain("/dashboard");
    }

    @Test
    void anEmployeeWithoutTheRoleGetsTheForbiddenPage() {
        Response r = given().header(TestLogin.LOGIN, "alice-dash").header(TestLogin.ROLES, "employee")
                .header("Accept-Language", "en").redirects().follow(false).get("/dashboard");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.asString()).contains("This page is for community managers and administrators.")
                .doesNotContain("href=\"/dashboard\"");
    }

    @Test
    void anonymousVisitorsAreSentToTheLogin() {
        Response r = given().redirects().follow(false).get("/dashboard");

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.header("Location")).contains("/protocol/openid-connect/auth");
    }

    private String render(Viewer viewer, Locale locale, String insights) throws Exception {
        return engine.getTemplate("dashboard/page.html").instance().setLocale(locale)
                .data("me", viewer).data("lang", locale.getLanguage()).data("nav", "dashboard")
                .data("communities", json.readTree(COMMUNITIES)).data("slug", "design-guild").data("days", 30)
                .data("periods", List.of(7, 30, 90, 365)).data("bucket", "week").data("buckets", List.of("day", "week", "month"))
                .data("q", "").data("insights", InsightsView.of(json.readTree(insights), List.of("Posts", "Comments", "Reactions"),
                        List.of("Contributors", "Reacted only", "Opened only"), List.of("Announcement reach", "Business card reach"))).render();
    }

    private String shell(Viewer viewer) {
        return engine.getTemplate("error.html").instance().setLocale(Locale.ENGLISH)
                .data("me", viewer).data("lang", "en").data("nav", "").data("message", "x").render();
    }
}
