package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community manager's dashboard on the real stack: it opens (it used to be an error page for everyone), shows
 * the community's figures with what each counts, and exports them as CSV; an employee gets the 403 page.
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
            assertThat(bob.find(By.tagName("h1")).getText()).isEqualTo("Community engagement");

            // search-service counts the post once it has indexed it
            bob.until(d -> {
                bob.go("/dashboard?community=" + slug + "&days=7");
                return d.findElement(By.cssSelector("#dash-figures tr[data-figure=posts] td.num")).getText().equals("1");
            });
            String figures = bob.find(By.id("dash-figures")).getText();
            assertThat(figures).contains("Posts", "Active members", "Current members", "deleted posts are not counted");

            String csv = (String) bob.jsAsync("var done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('dash-export').getAttribute('href')).then(r => r.text()).then(done);");
            assertThat(csv).contains("Community,From,To,Figure", "Dashboard " + slug, ",Posts,,1,");
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
