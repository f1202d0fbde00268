package io.relais.feed.sanitize;

import io.relais.events.Iri;
import io.relais.events.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import io.relais.kit.text.HtmlPolicy;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Rich text is a small HTML subset, sanitised on write with an allow-list: what is stored and
 * published is already safe to render. {@link TextPipeline} runs it after Markdown; {@link TextTokens}
 * reads mentions and hashtags from its output.
 */
@ApplicationScoped
public class ContentSanitizer {

    // the one policy of posts and partner content (service-kit), so both are held to the same rule
    private static final PolicyFactory POLICY = HtmlPolicy.RICH_TEXT;

    /** Safe HTML: scripts, event handlers, styles and unknown elements are gone; allowed markup stays. */
    public String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html).trim();
    }

    /**
     * Sanitises and lets {@code observer} see the same stream of allowed elements and decoded text that is
     * rendered, so what it reads (mentions, hashtags, links) is exactly what a reader gets.
     */
    public String sanitize(String html, HtmlStreamEventReceiver observer) {
        if (html == null) return "";
        StringBuilder out = new StringBuilder(html.length());
        HtmlStreamRenderer renderer = HtmlStreamRenderer.create(out, bad -> { });
        HtmlSanitizer.sanitize(html, POLICY.apply(new Tee(renderer, observer)));
        return out.toString().trim();
    }

    /** Sends each sanitiser event to the renderer and to an observer. */
    private record Tee(HtmlStreamEventReceiver first, HtmlStreamEventReceiver second) implements HtmlStreamEventReceiver {
        @Override
        public void openDocument() {
            first.openDocument();
            second.openDocument();
        }

        @Override
        public void closeDocument() {
            first.closeDocument();
            second.closeDocument();
        }

        @Override
        public void openTag(String elementName, List<String> attrs) {
            first.openTag(elementName, attrs);
            second.openTag(elementName, attrs);
        }

        @Override
        public void closeTag(String elementName) {
            first.closeTag(elementName);
            second.closeTag(elementName);
        }

        @Override
        public void text(String text) {
            first.text(text);
            second.text(text);
        }
    }

    public static List<Tag> tags(List<String> mentionedLogins, List<String> hashtags) {
        List<Tag> tags = new ArrayList<>();
        mentionedLogins.forEach(l -> tags.add(Tag.mention(Iri.person(l), l)));
        hashtags.forEach(h -> tags.add(Tag.hashtag(h)));
        return tags;
    }
}
