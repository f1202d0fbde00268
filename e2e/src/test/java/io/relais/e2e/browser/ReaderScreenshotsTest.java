package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures of the dashboard, a card and a hashtag page, in English and French, at desktop (1280×800) and phone
 * (390×844) widths, into docs/screenshots ({@code <page>-<desktop|phone>-<en|fr>.png}); each page is checked to
 * have rendered first, and nothing may overflow the phone's width.
 */
class ReaderScreenshotsTest {

    static final Path OUT = Path.of(Browser.env("RELAIS_SCREENSHOTS", "../docs/screenshots"));

    @Test
    void dashboardCardAndHashtagPageInBothLanguagesAtBothWidths() throws Exception {
        String slug = "e2e-shots-" + UUID.randomUUID().toString().substring(0, 6);
        Api.createCommunity("bob", slug, "Projet Atlas (demo " + slug.substring(slug.length() - 6) + ")", "public"); // names are unique
        Api.post("bob", "Sprint review on Thursday: demo of the new onboarding flow, everyone welcome! #atlas", slug);
        for (String language : List.of("en", "fr")) {
            for (int[] size : new int[][]{{1280, 800}, {390, 844}}) {
                String width = size[0] > 600 ? "desktop" : "phone";
                try (Browser bob = Browser.open(language.equals("fr") ? "fr-FR" : "en-GB", size[0], size[1])) {
                    bob.loginAs("bob");
                    shoot(bob, "/dashboard?community=" + slug + "&days=30", By.id("dash-figures"), "dashboard", width, language);
                    bob.go("/");
                    List<WebElement> business = bob.findAll(By.cssSelector("#feed article.card.business a[href^='/posts/'] time"));
                    String card = business.isEmpty()
                            ? bob.find(By.cssSelector("#feed article.card a[href^='/posts/']")).getAttribute("href")
                            : business.get(0).findElement(By.xpath("..")).getAttribute("href");
                    shoot(bob, card.substring(card.indexOf("/posts/")), By.cssSelector("article.card"), "card", width, language);
                    shoot(bob, "/hashtags/atlas", By.id("hashtag-title"), "hashtag", width, language);
                }
            }
        }
    }

    private static void shoot(Browser b, String path, By ready, String name, String width, String language) throws Exception {
        b.go(path);
        b.await(ready);
        Number overflow = (Number) b.js("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as(name + " " + width + " " + language + ": wider than the screen").isLessThanOrEqualTo(0);
        Path file = OUT.resolve(name + "-" + width + "-" + language + ".png");
        b.screenshot(file);
        assertThat(Files.size(file)).as(file.toString()).isGreaterThan(5_000);
    }
}
