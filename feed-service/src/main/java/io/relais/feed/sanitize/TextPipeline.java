package io.relais.feed.sanitize;

import io.relais.events.TextHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The one way text someone writes (a post, a comment) becomes what is stored, published and shown:
 * <ol>
 *   <li>{@link TextHygiene#text}: NFC, then no NUL, control, bidi or zero-width characters;</li>
 *   <li>Markdown to HTML with CommonMark (emphasis, lists, quotes, code spans and blocks, links; bare URLs
 *       autolinked; a line break is a line break). HTML typed into the text passes through to the next
 *       step, so clients that send the HTML subset keep working. A parsed text nesting deeper than
 *       {@link #MAX_NESTING} levels is refused before it is rendered ({@link TooDeeplyNested});</li>
 *   <li>the allow-list sanitiser ({@link ContentSanitizer}): what comes out is safe to render; a link whose URL
 *       it refuses (any scheme but http, https, mailto) or that has none is its text;</li>
 *   <li>mentions, hashtags and links read from that sanitised HTML by {@link TextTokens}, skipping code,
 *       pre, links and URLs.</li>
 * </ol>
 * Pure and thread-safe (CommonMark's parser and renderer are immutable): usable without the container.
 */
@ApplicationScoped
public class TextPipeline {

    // URLs and www. are linked; e-mail-shaped text is not, because "@x1@corp.example" is a mention of the login
    // x1@corp.example (events' Login rule), and a link would hide it from the mention reader
    private static final List<Extension> EXTENSIONS = List.of(AutolinkExtension.builder()
            .linkTypes(AutolinkType.URL, AutolinkType.WWW).build());
    // a mention's login is read before emphasis, so "@jean._dupont_.x" stays one mention (MentionInlineParser).
    // The nesting check is the first post-processor: the autolink extension's walks the tree recursively too, so a
    // tree too deep must be refused before it runs, not only before rendering
    private static final Parser PARSER = Parser.builder().postProcessor(TextPipeline::refuseTooDeep)
            .extensions(EXTENSIONS).customInlineContentParserFactory(MentionInlineParser.FACTORY).build();
    // no sanitizeUrls: it emptied a javascript:, vbscript: or data: destination, leaving <a href=""> (a link that
    // reloads the page) for the policy to keep; the sanitiser's policy judges the real URL and, refusing it, keeps
    // the link's text only, as for the same link typed as HTML
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .softbreak("<br />\n").build();

    /**
     * Deepest nesting of Markdown a text may hold, in levels of its parsed tree below the document: each list, list
     * item, quote, paragraph, emphasis, link and text is one level ({@code "1. 1. a"} is six: two lists, two items,
     * a paragraph and its text). Readable text stays far below it; CommonMark's renderer recurses once per level, so "1. " typed 3,000
     * times would exhaust a request thread's stack. It is also well below the sanitiser's own cut (256
     * elements), which would otherwise silently drop what lies deeper.
     */
    public static final int MAX_NESTING = 32;

    private final ContentSanitizer sanitizer = new ContentSanitizer();

    /**
     * A text whose Markdown nests deeper than {@link #MAX_NESTING} levels; nothing was rendered. The message is
     * the rule, in words, for the caller to name its field with ({@link WrittenText#of}).
     */
    public static final class TooDeeplyNested extends RuntimeException {
        TooDeeplyNested() {
            super("must not nest lists, quotes, emphasis or links deeper than " + MAX_NESTING + " levels", null, false, false);
        }
    }

    /**
     * What one text renders to.
     *
     * @param source  the author's text after input hygiene, exactly what an edit form should show again
     * @param html    the sanitised HTML to store, publish and render
     * @param visible the text a reader sees, for emptiness checks
     * @param tokens  mentions, hashtags (canonical keys) and links found outside code and URLs
     */
    public record Rendered(String source, String html, String visible, TextTokens tokens) {
    }

    /**
     * Runs the whole pipeline on what an author typed ({@code null} is empty text).
     *
     * @throws TooDeeplyNested when the parsed Markdown nests deeper than {@link #MAX_NESTING} levels
     */
    public Rendered render(String typed) {
        String source = typed == null ? "" : TextHygiene.text(typed);
        String markup = RENDERER.render(PARSER.parse(source));
        TextTokens tokens = new TextTokens();
        String html = sanitizer.sanitize(markup, tokens);
        return new Rendered(source, html, tokens.visibleText(), tokens);
    }

    /** The parsed tree as it is, unless it nests deeper than {@link #MAX_NESTING} levels. */
    private static Node refuseTooDeep(Node document) {
        if (depth(document, MAX_NESTING) > MAX_NESTING) throw new TooDeeplyNested();
        return document;
    }

    /**
     * How many levels {@code root}'s tree holds below it, counted without recursion (the point is to learn it of
     * trees too deep to recurse through); stops as soon as it passes {@code limit}, answering {@code limit + 1}.
     */
    static int depth(Node root, int limit) {
        int deepest = 0;
        // each node with its level; children are reached through first child and next sibling, never a call stack
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> levels = new ArrayDeque<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNext()) {
            nodes.push(child);
            levels.push(1);
        }
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int level = levels.pop();
            if (level > limit) return limit + 1;
            deepest = Math.max(deepest, level);
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                nodes.push(child);
                levels.push(level + 1);
            }
        }
        return deepest;
    }
}
