package io.relais.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.web.dashboard.Engagement;
import io.relais.web.layout.Viewer;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The community managers' dashboard, rendered from search-service's analytics answer as it arrives over the wire. */
@QuarkusTest
class DashboardTest {

    static final Viewer ALICE = new Viewer(true, "alice", "urn:relais:person:alice", "Alice Martin", false, false);
    static final Viewer BOB = new Viewer(true, "bob", "urn:relais:person:bob", "Bob Durand", true, false);

    static final String COMMUNITIES = """
            [{"slug":"design-guild","name":"Design guild","visibility":"public"},
             {"slug":"atlas","name":"Projet <Atlas>","visibility":"secret"}]""";

    static final String ENGAGEMENT = """
            {"community":"urn:relais:community:design-guild","name":"Design guild",
             "from":"2026-10-24T00:00:00Z","to":"2026-11-22T23:59:59.999Z",
             "posts":12,"comments":30,"reactions":55,"activeMembers":9,"members":25,
             "topContributors":[{"id":"urn:relais:person:dave","name":"<b>Dave</b> Leroy","posts":5,"comments":7,"reactions":2}],
             "topPosts":[{"id":"urn:relais:post:p-77","title":"Roadmap <script>alert(1)</script>","author":"Dave Leroy",
                          "published":"2026-11-02T10:00:00Z","comments":9,"reactions":14}],
             "weeks":[{"weekOf":"2026-11-09","posts":2,"comments":3,"reactions":5},
                      {"weekOf":"2026-11-16","posts":4,"comments":6,"reactions":10},
                      {"weekOf":"2026-11-23","posts":0,"comments":0,"reactions":0}],
             "definitions":{"posts":"posts published in the community during the period (deleted posts are not counted)"}}""";

    @Inject
    Engine engine;

    @Inject
    ObjectMapper json;

    @Inject
    io.relais.web.layout.Msg msg;

    @Test
    void aManagerSeesEachFigureWithWhatItCounts() throws Exception {
        String html = render(BOB, Locale.ENGLISH, ENGAGEMENT);

        assertThat(html).contains("Community engagement", "From 2026-10-24 to 2026-11-22 (UTC)");
        assertThat(html).containsPattern("data-figure=\"posts\"><th scope=\"row\">Posts</th><td class=\"num\">12</td>")
                .containsPattern("<th scope=\"row\">Comments</th><td class=\"num\">30</td>")
                .containsPattern("<th scope=\"row\">Reactions</th><td class=\"num\">55</td>")
                .containsPattern("<th scope=\"row\">Active members</th><td class=\"num\">9</td>")
                .containsPattern("<th scope=\"row\">Current members</th><td class=\"num\">25</td>");
        assertThat(html).contains("deleted posts are not counted", "Distinct people who posted, commented or reacted",
                "People who are members of the community now", "The five people with the most posts + comments",
                "Monday to Sunday, UTC");
        assertThat(html).contains("href=\"/people/dave\"", "href=\"/posts/p-77\"");
    }

    @Test
    void theWeeklySeriesIsATableAndBarsSizedAgainstTheBusiestWeek() throws Exception {
        String html = render(BOB, Locale.ENGLISH, ENGAGEMENT);

        assertThat(html).contains("<time datetime=\"2026-11-16\">2026-11-16</time></th><td class=\"num\">4</td><td class=\"num\">6</td><td class=\"num\">10</td><td class=\"num\">20</td>");
        // the busiest week (20) fills the bar: 4/20 = 20%, 6/20 = 30%, 10/20 = 50%; the other week (10) half of it
        assertThat(html).contains("s-posts w-20\"></span><span class=\"seg s-comments w-30\"></span><span class=\"seg s-reactions w-50\"")
                .contains("s-posts w-10\"></span><span class=\"seg s-comments w-15\"></span><span class=\"seg s-reactions w-25\"")
                .contains("s-posts w-0\"></span><span class=\"seg s-comments w-0\"></span><span class=\"seg s-reactions w-0\"");
        assertThat(html).as("no inline style: the CSP forbids it").doesNotContain("style=");
    }

    @Test
    void aSmallButNonZeroCountStillShowsABar() {
        List<Engagement.WeekBar> weeks = Engagement.of(json.valueToTree(java.util.Map.of("weeks", List.of(
                java.util.Map.of("weekOf", "2026-11-09", "posts", 1, "comments", 0, "reactions", 199))))).weeks();

        assertThat(weeks.get(0).postsWidth()).isEqualTo(5);
        assertThat(weeks.get(0).reactionsWidth()).isEqualTo(100);
    }

    @Test
    void namesAndTitlesFromTheServicesAreEscaped() throws Exception {
        String html = render(BOB, Locale.ENGLISH, ENGAGEMENT);

        assertThat(html).doesNotContain("<script>alert(1)", "<b>Dave</b>", "Projet <Atlas>")
                .contains("Roadmap &lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Dave&lt;/b&gt; Leroy", "Projet &lt;Atlas&gt;");
    }

    @Test
    void theDashboardSpeaksFrench() throws Exception {
        String html = render(BOB, Locale.FRENCH, ENGAGEMENT);

        assertThat(html).contains("Engagement des communautés", "Membres actifs", "Membres actuels", "Ce qu&#39;il compte",
                "les publications supprimées ne comptent pas", "30 derniers jours", "Du 2026-10-24 au 2026-11-22 (UTC)");
    }

    @Test
    void aSecretCommunityTheManagerIsNotInIsAFriendlyNotFound() throws Exception {
        String html = engine.getTemplate("dashboard/page.html").instance().setLocale(Locale.ENGLISH)
                .data("me", BOB).data("lang", "en").data("nav", "dashboard")
                .data("communities", json.readTree(COMMUNITIES)).data("slug", "atlas").data("days", 7)
                .data("periods", List.of(7, 30, 90)).data("notFound", true).render();

        assertThat(html).contains("id=\"dashboard-not-found\"", "secret community you are not a member of")
                .doesNotContain("id=\"dash-figures\"");
        assertThat(html).contains("<option value=\"atlas\" selected>", "value=\"7\" checked");
    }

    @Test
    void theCsvExportHasEveryFigureWithItsDefinitionAndEveryWeek() throws Exception {
        String csv = io.relais.web.dashboard.EngagementCsv.of(Engagement.of(json.readTree(ENGAGEMENT)), "design-guild", msg);

        assertThat(csv).startsWith("\uFEFFCommunity,From,To,Figure,\"Week of\",Value,\"What it counts\"\n");
        assertThat(csv).contains("\"Design guild\",2026-10-24,2026-11-22,Posts,,12,\"Posts published in the community during the period (deleted posts are not counted).\"")
                .contains("\"Design guild\",2026-10-24,2026-11-22,\"Current members\",,25,")
                .contains("\"Design guild\",2026-10-24,2026-11-22,Reactions,2026-11-16,10,");
        assertThat(csv.lines().count()).isEqualTo(1 + 5 + 3 * 3);
    }

    @Test
    void aCommunityNameCannotBecomeASpreadsheetFormula() throws Exception {
        String hostile = ENGAGEMENT.replace("\"name\":\"Design guild\"", "\"name\":\"=HYPERLINK(\\\"http://x\\\")\"");
        String csv = io.relais.web.dashboard.EngagementCsv.of(Engagement.of(json.readTree(hostile)), "design-guild", msg);

        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith("\"'=HYPERLINK("));
    }

    @Test
    void theReportOffersItsCsvAndAManyCommunitiesManagerCanSearchByName() throws Exception {
        String html = engine.getTemplate("dashboard/page.html").instance().setLocale(Locale.ENGLISH)
                .data("me", BOB).data("lang", "en").data("nav", "dashboard")
                .data("communities", json.readTree(COMMUNITIES)).data("slug", "design-guild").data("days", 30)
                .data("periods", List.of(7, 30, 90)).data("mayBeMore", true).data("q", "")
                .data("engagement", Engagement.of(json.readTree(ENGAGEMENT))).render();

        assertThat(html).contains("href=\"/dashboard/export.csv?community=design-guild&amp;days=30\" download")
                .contains("id=\"dash-q\" name=\"q\"", "Only the first 2 communities are listed");
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

    private String render(Viewer viewer, Locale locale, String engagement) throws Exception {
        return engine.getTemplate("dashboard/page.html").instance().setLocale(locale)
                .data("me", viewer).data("lang", locale.getLanguage()).data("nav", "dashboard")
                .data("communities", json.readTree(COMMUNITIES)).data("slug", "design-guild").data("days", 30)
                .data("periods", List.of(7, 30, 90))
                .data("engagement", Engagement.of(json.readTree(engagement))).render();
    }

    private String shell(Viewer viewer) {
        return engine.getTemplate("error.html").instance().setLocale(Locale.ENGLISH)
                .data("me", viewer).data("lang", "en").data("nav", "").data("message", "x").render();
    }
}
