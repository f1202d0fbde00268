package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community manager's insights dashboard on the real stack (real login as bob, the community manager): it opens,
 * shows a fresh community's figures with what each counts — withheld, since one person is below the privacy
 * threshold —, draws its charts as inline SVG, and exports one CSV row per bucket; an employee gets the 403 page.
 */
class DashboardBrowserTest {

    @Test
    void aCommunityManagerSeesTheFiguresWithTheirDefinitionsAndDownloadsThemAsCsv() {
        String slug = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createCommunity("bob", slug, "Dashboard " + slug, "public");
        Api.post("bob", "Kick-off of " + slug, slug);
        try (Browser bob = Browser.open()) {
            bob.loginAs("bob");
            bob.find(By.id("nav-dashboard")).click();
            bob.await(By.id("dashboard-choice"));
            assertThat(bob.find(By.tagName("h1")).getText()).isEqualTo("Insights");

            // the community's figures exist once search-service has indexed it (until then it is "not found")
            bob.until(d -> {
                bob.go("/dashboard?community=" + slug + "&days=7&bucket=day");
                return !d.findElements(By.id("dash-figures")).isEmpty();
            });
            String figures = bob.find(By.id("dash-figures")).getText();
            assertThat(figures).contains("Active people", "Opens are counted, never shown per person", "Questions answered",
                    "Participation", "Readers", "Announcement reach");
            // one person posted: fewer than five, so the count is withheld, never shown
            assertThat(bob.find(By.cssSelector("#dash-figures tr[data-figure=posts] td.num")).getText()).isEqualTo("withheld");
            assertThat(bob.findAll(By.cssSelector("#chart-activity svg.chart"))).hasSize(1);
            assertThat(bob.findAll(By.cssSelector("#chart-people svg.chart rect.withheld"))).isNotEmpty();

            String csv = (String) bob.jsAsync("var done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('dash-export').getAttribute('href')).then(r => r.text()).then(done);");
            assertThat(csv).startsWith("bucket_start,bucket_end,active_members,contributors,readers,members");
            // a header and one row per day of the last 7 days
            assertThat(csv.strip().split("\\r?\\n")).hasSize(8);
        }
    }

    @Test
    void anEmployeeWithoutTheRoleHasNoDashboard() {
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            assertThat(alice.findAll(By.id("nav-dashboard"))).isEmpty();

            alice.go("/dashboard");
            assertThat(alice.find(By.tagName("main")).getText()).contains("community managers and administrators");
        }
    }
}
