package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (Deque's axe.min.js, injected by this test, never shipped) checks every page of the web app against
 * WCAG 2.x A/AA rules; a serious or critical violation fails the test with the rule, the page and the elements.
 */
class AccessibilityBrowserTest {

    static final String AXE = axeScript();

    @Test
    void noPageHasASeriousOrCriticalAccessibilityViolation() {
        String slug = Communities.freshSlug("a11y");
        Api.createCommunity("alice", slug, "A11y " + slug, "public");
        Api.post("alice", "Accessible #a11y post for " + slug, slug);
        List<String> violations = new ArrayList<>();
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            for (String page : List.of("/", "/communities", "/communities/" + slug, "/communities/" + slug + "/settings",
                    "/people", "/people/alice", "/people/bob", "/people/me/edit", "/people?skill=java", "/search?q=bienvenue",
                    "/notifications", "/following", "/hashtags/a11y", "/dashboard")) {
                alice.go(page);
                violations.addAll(check(alice, page));
            }
        }
        try (Browser bob = Browser.open("fr-FR", 1280, 800)) {
            bob.loginAs("bob");
            for (String page : List.of("/", "/dashboard", "/communities/" + slug, "/search?q=bienvenue")) {
                bob.go(page);
                violations.addAll(check(bob, page + " (fr)"));
            }
        }
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void theLandingPageIsAccessibleToo() {
        try (Browser anonymous = Browser.open()) {
            anonymous.go("/");
            assertThat(check(anonymous, "/ (anonymous)")).isEmpty();
        }
    }

    /** Runs axe on the page as it is now; one line per serious or critical violation. */
    @SuppressWarnings("unchecked")
    static List<String> check(Browser b, String page) {
        if (!Boolean.TRUE.equals(b.js("return !!window.axe;"))) {
            b.js(AXE);
        }
        Object answer = b.jsAsync("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
                  .then(function (r) { done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) { return {id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); })}; })); })
                  .catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });
                """);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) answer) {
            found.add(page + ": " + v.get("impact") + " " + v.get("id") + " — " + v.get("help") + " " + v.get("nodes"));
        }
        return found;
    }

    private static String axeScript() {
        try (InputStream in = AccessibilityBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
