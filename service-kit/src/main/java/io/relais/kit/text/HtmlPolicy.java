package io.relais.kit.text;

import org.owasp.html.Encoding;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.regex.Pattern;

/**
 * The one HTML policy of Relais (OWASP Java HTML Sanitizer allow-list), shared by posts and comments
 * (feed-service) and by the HTML that business systems send (connector-service), so partner text and
 * employee text are held to the same rule: what is stored and published is already safe to render.
 *
 * <p>Rich text is a small subset: paragraphs, line breaks, emphasis, lists, quotes, code, level 3–4
 * headings and links ({@code http}, {@code https}, {@code mailto} only, always
 * {@code rel="nofollow noopener noreferrer"}). Scripts, styles, event handlers, {@code hx-*} and every
 * other attribute or element are removed (a {@code <script>} with its content).
 *
 * <p>Names, titles and summaries are plain text, never markup: {@link #plainText} turns an HTML value
 * into the text a reader sees, and {@link #hasMarkup} tells whether a value meant as plain text
 * carries markup (AS2: "HTML markup MUST NOT be included" in a {@code name}).
 */
public final class HtmlPolicy {

    /** The rich-text policy of posts, comments and connector-supplied {@code content}. */
    public static final PolicyFactory RICH_TEXT = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "blockquote", "code",
                    "pre", "a", "h3", "h4")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    /** No element at all: only the text survives (script and style bodies are dropped, not shown). */
    private static final PolicyFactory NO_MARKUP = new HtmlPolicyBuilder().toFactory();

    // the start of an element, an end tag, a comment, a doctype or a processing instruction; "a < b" and "<3" are text
    private static final Pattern MARKUP = Pattern.compile("<\\s*[A-Za-z!/?]");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\n\\u00A0]+");

    private HtmlPolicy() {
    }

    /**
     * Safe HTML under {@link #RICH_TEXT}.
     *
     * @return the sanitised HTML, trimmed; {@code ""} for {@code null}
     */
    public static String sanitize(String html) {
        return html == null ? "" : RICH_TEXT.sanitize(html).trim();
    }

    /**
     * The text a reader sees in an HTML value: every element removed (with the body of {@code script}
     * and {@code style}), character references decoded, runs of white space collapsed to one space.
     * The result is text, to be escaped wherever it is rendered.
     *
     * @return the plain text, trimmed; {@code null} for {@code null}
     */
    public static String plainText(String html) {
        if (html == null) {
            return null;
        }
        // block ends become spaces so "<p>a</p><p>b</p>" reads "a b", not "ab"
        String spaced = html.replaceAll("(?i)<\\s*(br|/p|/li|/h[1-6]|/div|/blockquote|/pre)\\b[^>]*>", " ");
        String text = Encoding.decodeHtml(NO_MARKUP.sanitize(spaced), false);
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    /**
     * Whether a value meant as plain text carries HTML markup: an element, an end tag, a comment, a
     * doctype or a processing instruction. A lone {@code <} ("a < b", "<3") or {@code &} is text.
     */
    public static boolean hasMarkup(String text) {
        return text != null && MARKUP.matcher(text).find();
    }
}
