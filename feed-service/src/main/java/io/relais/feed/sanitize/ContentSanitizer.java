package io.relais.feed.sanitize;

import io.relais.events.Iri;
import io.relais.events.Tag;
import io.relais.events.TextHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import io.relais.kit.text.HtmlPolicy;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Rich text is a small HTML subset, sanitised on write with an allow-list: what is stored and
 * published is already safe to render. {@link TextPipeline} runs it after Markdown; {@link TextTokens}
 * reads mentions and hashtags from its output.
 *
 * <p>Input hygiene ({@link TextHygiene}) runs again here, on the decoded text and attribute values the
 * sanitiser hands on: a character reference ({@code &#x202E;}, {@code &#8238;}, {@code &NoBreak;}) becomes its
 * character only when Markdown or the sanitiser decodes it, after the author's source was cleaned, so this is
 * the last point where a bidi override or an invisible control character can be kept out of what readers get.
 */
@ApplicationScoped
public class ContentSanitizer {

    // the one policy of posts and partner content (service-kit), so both are held to the same rule
    private static final PolicyFactory POLICY = HtmlPolicy.RICH_TEXT;

    /** Safe HTML: scripts, event handlers, styles and unknown elements are gone; allowed markup stays. */
    public String sanitize(String html) {
        return sanitize(html, (HtmlStreamEventReceiver) null);
    }

    /**
     * Sanitises and lets {@code observer} see the same stream of allowed elements and decoded text that is
     * rendered, so what it reads (mentions, hashtags, links) is exactly what a reader gets ({@code null}: no observer).
     */
    public String sanitize(String html, HtmlStreamEventReceiver observer) {
        if (html == null) return "";
        StringBuilder out = new StringBuilder(html.length());
        HtmlStreamRenderer renderer = HtmlStreamRenderer.create(out, bad -> { });
        HtmlSanitizer.sanitize(html, POLICY.apply(new Tee(renderer, observer)));
        return out.toString().trim();
    }

    /**
     * Sends each sanitiser event, its text and attribute values cleaned by {@link TextHygiene}, to the renderer and
     * to an observer ({@code null}: none). A link the policy left without an address (an empty or blank {@code href},
     * which would reload the page) loses its element and keeps its content, as one whose URL the policy refused does.
     */
    private static final class Tee implements HtmlStreamEventReceiver {
        private final HtmlStreamEventReceiver first;
        private final HtmlStreamEventReceiver second;
        // for each open "a": whether it was dropped, so its end tag is dropped too
        private final Deque<Boolean> links = new ArrayDeque<>();

        Tee(HtmlStreamEventReceiver first, HtmlStreamEventReceiver second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void openDocument() {
            first.openDocument();
            if (second != null) second.openDocument();
        }

        @Override
        public void closeDocument() {
            first.closeDocument();
            if (second != null) second.closeDocument();
        }

        @Override
        public void openTag(String elementName, List<String> attrs) {
            List<String> clean = new ArrayList<>(attrs.size());
            // names and values alternate; a value is one line (a URL, a title)
            for (int i = 0; i < attrs.size(); i++) clean.add(i % 2 == 0 ? attrs.get(i) : TextHygiene.line(attrs.get(i)));
            if ("a".equals(elementName)) {
                boolean nowhere = !hasAddress(clean);
                links.push(nowhere);
                if (nowhere) return;
            }
            first.openTag(elementName, clean);
            if (second != null) second.openTag(elementName, clean);
        }

        @Override
        public void closeTag(String elementName) {
            if ("a".equals(elementName) && !links.isEmpty() && links.pop()) return;
            first.closeTag(elementName);
            if (second != null) second.closeTag(elementName);
        }

        @Override
        public void text(String text) {
            String clean = TextHygiene.text(text);
            first.text(clean);
            if (second != null) second.text(clean);
        }

        private static boolean hasAddress(List<String> attrs) {
            for (int i = 0; i + 1 < attrs.size(); i += 2) {
                if ("href".equals(attrs.get(i)) && !attrs.get(i + 1).isBlank()) return true;
            }
            return false;
        }
    }

    public static List<Tag> tags(List<String> mentionedLogins, List<String> hashtags) {
        List<Tag> tags = new ArrayList<>();
        mentionedLogins.forEach(l -> tags.add(Tag.mention(Iri.person(l), l)));
        hashtags.forEach(h -> tags.add(Tag.hashtag(h)));
        return tags;
    }
}
