package io.relais.feed.sanitize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The allow-list and the tag extraction, without the application around them. */
class ContentSanitizerTest {

    final ContentSanitizer sanitizer = new ContentSanitizer();

    @Test
    void scriptsHandlersStylesAndUnsafeLinksAreRemoved() {
        String safe = sanitizer.sanitize("<p style=\"color:red\" onmouseover=\"x()\">Hi <script>alert(1)</script>"
                + "<a href=\"javascript:alert(1)\">bad</a> <iframe src=\"https://evil\"></iframe><img src=x onerror=y></p>");
        assertThat(safe).doesNotContain("script", "onmouseover", "style", "javascript", "iframe", "<img", "onerror");
        assertThat(safe).startsWith("<p>Hi");
    }

    @Test
    void allowedMarkupStaysAndLinksGetSafeRels() {
        String safe = sanitizer.sanitize("<p><strong>a</strong> <em>b</em> <code>c</code></p><ul><li>d</li></ul>"
                + "<a href=\"https://relais.dev/x\">lien</a>");
        assertThat(safe).contains("<strong>a</strong>", "<em>b</em>", "<code>c</code>", "<ul><li>d</li></ul>",
                "href=\"https://relais.dev/x\"", "nofollow", "noopener");
    }
}
