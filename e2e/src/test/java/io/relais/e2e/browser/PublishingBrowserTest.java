package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing from the home composer as a fresh user meets it (findings 3 to 6 of a fresh-user tryout): one's own post
 * appears in place without a "new posts" banner, the hashtag suggestions count uses in plain words and close once the
 * post is out, a post too large to send is explained next to the composer with the text kept, and a long post with
 * non-ASCII text is published and read back whole.
 */
class PublishingBrowserTest {

    @Test
    void theHashtagSuggestionsSayHowOftenATagIsUsedAndCloseOnceThePostIsPublished() {
        String tag = "tryout" + UUID.randomUUID().toString().substring(0, 8);
        Api.post("bob", "Kick-off #" + tag, null);
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            WebElement text = alice.find(By.id("composer-text"));
            By option = By.xpath("//ul[@id='composer-suggestions']/li[contains(., '#" + tag + "')]");
            // search-service indexes the tag asynchronously: type it again until it is suggested
            alice.until(d -> {
                text.clear();
                text.sendKeys("Joining #" + tag);
                try {
                    new WebDriverWait(d, Duration.ofSeconds(3)).until(ExpectedConditions.visibilityOfElementLocated(option));
                    return true;
                } catch (TimeoutException notYet) {
                    return false;
                }
            });
            assertThat(alice.find(option).findElement(By.className("s-detail")).getText()).isEqualTo("used once");

            alice.find(By.id("publish")).click();
            alice.until(d -> d.findElement(By.id("feed")).getText().contains("Joining #" + tag));
            alice.until(d -> !d.findElement(By.id("composer-suggestions")).isDisplayed());
            assertThat(alice.find(By.id("composer-suggestions")).getText()).as("suggestions left after publishing").isEmpty();
        }
    }
}
