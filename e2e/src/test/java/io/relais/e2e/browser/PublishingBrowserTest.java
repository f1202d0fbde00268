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

    /**
     * Records every live event once the page's own listener has handled it, so a test can wait for the page to have
     * seen an event instead of sleeping (installed before the page's scripts run).
     */
    static final String RECORD_HANDLED_EVENTS = """
            (function () {
              var Native = window.EventSource;
              if (!Native) { return; }
              window.__relaisHandled = [];
              window.EventSource = function (url, options) {
                var source = new Native(url, options);
                var add = source.addEventListener.bind(source);
                source.addEventListener = function (type, listener, more) {
                  return add(type, function (e) {
                    try { return listener.apply(this, arguments); }
                    finally { window.__relaisHandled.push({ type: type, data: String(e.data) }); }
                  }, more);
                };
                return source;
              };
              window.EventSource.prototype = Native.prototype;
            })();
            """;

    @Test
    void myOwnNewPostAppearsInPlaceWithoutANewPostsBanner() {
        String mine = "ownpost" + UUID.randomUUID().toString().substring(0, 8);
        String theirs = "theirpost" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser alice = Browser.open()) {
            ((ChromeDriver) alice.driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", RECORD_HANDLED_EVENTS));
            alice.loginAs("alice");
            alice.awaitLive();

            alice.find(By.id("composer-text")).sendKeys("Hello from me " + mine);
            alice.find(By.id("publish")).click();
            alice.until(d -> d.findElement(By.id("feed")).getText().contains(mine));
            // the live stream announces my post to me too: once the page has handled that and finished any request
            awaitHandledFeedItem(alice, mine);
            assertThat(alice.find(By.id("new-posts")).getText()).as("banner after my own post").isEmpty();
            assertThat(alice.findAll(By.xpath("//article[contains(., '" + mine + "')]"))).as("my post, once").hasSize(1);

            // a colleague's post still raises the banner, counting only theirs
            Api.post("bob", "Hello from Bob " + theirs, null);
            awaitHandledFeedItem(alice, theirs);
            alice.until(d -> d.findElement(By.id("new-posts")).getText().equals("1 new post — show"));
        }
    }

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

    @Test
    void aPostTooLargeToSendIsExplainedNextToTheComposerAndTheTextIsKept() throws IOException {
        Path big = Files.createTempFile("relais-too-large-", ".pdf");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(13L * 1024 * 1024); // above the web app's 12 MB request limit
        }
        String words = "Minutes of the offsite " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            WebElement text = alice.find(By.id("composer-text"));
            text.sendKeys(words);
            alice.find(By.id("composer-files")).sendKeys(big.toAbsolutePath().toString());
            alice.find(By.id("publish")).click();

            WebElement error = alice.await(By.id("composer-error"));
            assertThat(error.getText()).contains("too large");
            assertThat(text.getAttribute("value")).as("the typed text is kept").isEqualTo(words);
            assertThat(alice.find(By.id("feed")).getText()).doesNotContain(words);
        } finally {
            Files.deleteIfExists(big);
        }
    }

    @Test
    void aPostOfThreeThousandCharactersWithAccentsAndEurosIsPublishedAndReadBackWhole() {
        String marker = "longpost" + UUID.randomUUID().toString().substring(0, 8);
        String sentence = " Le café coûte 3 € à Zürich, déjà payé."; // é: 2 bytes in UTF-8, €: 3 bytes
        StringBuilder text = new StringBuilder(marker);
        while (text.length() < 3000) {
            text.append(sentence);
        }
        String post = text.substring(0, 2999) + ".";
        assertThat(post.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("bytes of the post").isGreaterThan(3000);

        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            alice.find(By.id("composer-text")).sendKeys(post);
            alice.find(By.id("publish")).click();
            alice.until(d -> d.findElement(By.id("feed")).getText().contains(marker));

            alice.go("/");
            WebElement content = alice.await(By.xpath("//article[contains(., '" + marker + "')]//div[contains(@class, 'content')]"));
            assertThat(content.getText()).isEqualTo(post);
            assertThat(alice.find(By.id("composer-error")).getText()).isEmpty();
        }
    }

    /** Waits until the page's live listener has handled the feed item holding the word and htmx is idle. */
    private static void awaitHandledFeedItem(Browser b, String word) {
        b.until(d -> Boolean.TRUE.equals(b.js(
                "var word = arguments[0];"
                        + " return (window.__relaisHandled || []).some(function (e) { return e.type === 'feed-item' && e.data.indexOf(word) >= 0; })"
                        + " && !document.querySelector('.htmx-request');", word)));
    }
}
