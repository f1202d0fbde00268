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

    /** A link that goes nowhere (an empty or blank {@code href}, a link to the page itself) is its text. */
    @Test
    void aLinkWithABlankAddressIsItsText() {
        assertThat(sanitizer.sanitize("<p>a <a href=\"\">b</a> <a href=\"  \"><em>c</em></a> <a>d</a> "
                + "<a href=\"https://relais.dev\">e</a></p>"))
                .isEqualTo("<p>a b <em>c</em> d <a href=\"https://relais.dev\" rel=\"nofollow noopener noreferrer\">e</a></p>");
    }
}
