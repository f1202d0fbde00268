package io.relais.e2e.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One person's browser: Debian's headless Chromium with a profile of its own, logged in through the real Keycloak
 * form. Waits are explicit (WebDriverWait), never sleeps.
 *
 * <p>Each {@link #open} starts from a clean slate, as a fresh profile would: a new tab, no cookie, no cache, no
 * storage of the web app's or Keycloak's origin. The Chromium behind it is reused, though: {@link #close} clears it and
 * keeps it for the next {@code open} of the same language, because starting and stopping one took about 4 s of the
 * 8 s each browser of the suite cost (76 of them). One that cannot be cleared is quit instead; all are quit when the
 * test JVM ends.
 */
final class Browser implements AutoCloseable {

    static final String WEB = env("RELAIS_WEB_URL", "http://localhost:8080");
    static final String KEYCLOAK = env("KEYCLOAK_URL", "http://localhost:8180");
    static final Duration WAIT = Duration.ofSeconds(Long.parseLong(env("RELAIS_E2E_WAIT_SECONDS", "60")));

    /** A running Chromium, its driver and its profile folder. */
    private record Chromium(String language, ChromeDriver driver, Path profile) {

        static Chromium launch(String language) {
            Path profile;
            try {
                profile = Files.createTempDirectory("relais-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(env("CHROMIUM_BINARY", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,800",
                    "--lang=" + language, "--hide-scrollbars");
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(env("CHROMEDRIVER", "/usr/bin/chromedriver")))
                    .usingAnyFreePort().build();
            return new Chromium(language, new ChromeDriver(service, options), profile);
        }

        /**
         * Back to what a fresh profile shows a site: one new tab (what a tab held, its session storage and the scripts a
         * test added to it, go with the old one), no cookie, an empty HTTP cache, nothing stored for either origin.
         */
        void clear() {
            String fresh = driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB).getWindowHandle();
            for (String tab : driver.getWindowHandles()) {
                if (!tab.equals(fresh)) driver.switchTo().window(tab).close();
            }
            driver.switchTo().window(fresh);
            driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
            driver.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
            for (String origin : List.of(WEB, KEYCLOAK)) {
                driver.executeCdpCommand("Storage.clearDataForOrigin", java.util.Map.of("origin", origin, "storageTypes", "all"));
            }
        }

        void quit() {
            try {
                driver.quit();
            } finally {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a leftover temp profile is harmless
                }
            }
        }
    }

    /** Cleared Chromiums waiting for the next {@link #open}, by language (set at launch). */
    private static final java.util.Deque<Chromium> IDLE = new java.util.ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(c -> {
                    try {
                        c.quit();
                    } catch (RuntimeException ignored) {
                        // the JVM is ending: a Chromium already gone is fine
                    }
                });
                IDLE.clear();
            }
        }, "quit-chromium"));
    }

    final WebDriver driver;
    final WebDriverWait wait;
    private final Chromium chromium;

    private Browser(String language, int width, int height) {
        Chromium idle = null;
        synchronized (IDLE) {
            for (java.util.Iterator<Chromium> it = IDLE.iterator(); it.hasNext(); ) {
                Chromium c = it.next();
                if (c.language().equals(language)) {
                    idle = c;
                    it.remove();
                    break;
                }
            }
        }
        chromium = idle != null ? idle : Chromium.launch(language);
        driver = chromium.driver();
        driver.manage().window().setSize(new Dimension(width, height));
        wait = new WebDriverWait(driver, WAIT);
        // htmx swaps fragments: an element read while its fragment is replaced is looked up again on the next poll
        wait.ignoring(StaleElementReferenceException.class);
    }

    static Browser open() {
        return new Browser("en-GB", 1280, 800);
    }

    static Browser open(String language, int width, int height) {
        return new Browser(language, width, height);
    }

    /** Logs in through the Keycloak login form and lands on the home feed. */
    Browser loginAs(String login) {
        driver.get(WEB + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(login);
        driver.findElement(By.id("kc-login")).click();
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("composer")));
            awaitScripts();
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(login + " did not reach the home feed after logging in; the page showed:\n" + describe(), e);
        }
        return this;
    }

    void go(String path) {
        driver.get(WEB + path);
        awaitScripts();
    }

    /** The page's own scripts (htmx, relais.js) are deferred: wait until they run before clicking. */
    void awaitScripts() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!document.querySelector('script[src*=htmx]') || !!window.htmx);")));
    }

    /**
     * Waits up to {@link #WAIT} until {@code by} is visible.
     *
     * @throws AssertionError naming the element, with the page's address and text, if it never shows
     */
    WebElement await(By by) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(by + " never became visible in " + WAIT.toSeconds() + " s; the page showed:\n" + describe(), e);
        }
    }

    /**
     * Waits up to {@link #WAIT} until {@code condition} gives neither null nor false.
     *
     * @throws AssertionError with the page's address and text (what the person saw instead), if it never does
     */
    <T> T until(Function<WebDriver, T> condition) {
        try {
            return wait.until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the awaited condition did not hold in " + WAIT.toSeconds() + " s; the page showed:\n"
                    + describe(), e);
        }
    }

    /** What the page showed, for a failure message. */
    String describe() {
        try {
            String text = driver.findElement(By.tagName("body")).getText();
            return driver.getCurrentUrl() + "\n" + (text.length() > 1500 ? text.substring(0, 1500) : text);
        } catch (RuntimeException e) {
            return driver.getCurrentUrl();
        }
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an asynchronous script: its last argument is the callback that gives the result. */
    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Waits until the page's live stream is connected (feed-service sent its "ready" event). */
    void awaitLive() {
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live-ready", "true"));
    }

    /** The unread count the page's notification badge shows (0 when the badge is absent). */
    int unreadBadge() {
        List<WebElement> badge = findAll(By.cssSelector("#badge .badge"));
        return badge.isEmpty() ? 0 : Integer.parseInt(badge.get(0).getText().trim());
    }

    /** Marks the current document; {@link #stillSameDocument()} tells whether the page was reloaded since. */
    void markDocument() {
        js("window.__relaisNoReload = true;");
    }

    boolean stillSameDocument() {
        return Boolean.TRUE.equals(js("return window.__relaisNoReload === true;"));
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            File png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives the Chromium back cleared for the next {@link #open}, or quits it if it cannot be cleared. */
    @Override
    public void close() {
        try {
            chromium.clear();
        } catch (RuntimeException e) {
            chromium.quit();
            return;
        }
        synchronized (IDLE) {
            IDLE.push(chromium);
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            v = System.getProperty(name);
        }
        return v == null || v.isBlank() ? fallback : v;
    }
}
