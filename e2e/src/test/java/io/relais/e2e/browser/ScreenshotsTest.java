package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saves pictures of the main pages at desktop (1280×800) and phone (390×844) widths into
 * docs/screenshots, so a reader of the repository sees what the app looks like. Each page is also
 * checked to have rendered (its landmark is there), so a broken page never becomes a picture.
 */
class ScreenshotsTest {

    static final Path OUT = Path.of(Browser.env("RELAIS_SCREENSHOTS", "../docs/screenshots"));

    record Shot(String name, String path, By ready) {
    }

    @Test
    void mainPagesAtDesktopAndPhoneWidths() throws Exception {
        String slug = "e2e-shots-" + UUID.randomUUID().toString().substring(0, 6);
        Api.createCommunity("bob", slug, "Projet Atlas (demo " + slug.substring(slug.length() - 6) + ")", "public"); // names are unique
        Api.post("bob", "Sprint review on Thursday: demo of the new onboarding flow, everyone welcome! #atlas", slug);
        List<Shot> shots = List.of(
                new Shot("home", "/", By.id("feed")),
                new Shot("community", "/communities/" + slug, By.id("community-title")),
                new Shot("communities", "/communities", By.id("create-community")),
                new Shot("profile", "/people/alice", By.id("person-name")),
                new Shot("search", "/search?q=atlas", By.id("result-count")),
                new Shot("notifications", "/notifications", By.id("notifications")));
        for (int[] size : new int[][]{{1280, 800}, {390, 844}}) {
            String width = size[0] > 600 ? "desktop" : "phone";
            try (Browser bob = Browser.open("en-GB", size[0], size[1])) {
                bob.loginAs("bob");
                for (Shot shot : shots) {
                    bob.go(shot.path());
                    bob.await(shot.ready());
                    Path file = OUT.resolve(shot.name() + "-" + width + ".png");
                    bob.screenshot(file);
                    assertThat(Files.size(file)).as(file.toString()).isGreaterThan(5_000);
                }
            }
        }
    }
}
