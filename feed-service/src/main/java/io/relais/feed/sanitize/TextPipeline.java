package io.relais.feed.sanitize;

import io.relais.events.TextHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/**
 * The one way text someone writes (a post, a comment) becomes what is stored, published and shown:
 * <ol>
 *   <li>{@link TextHygiene#text}: NFC, then no NUL, control, bidi or zero-width characters;</li>
 *   <li>Markdown to HTML with CommonMark (emphasis, lists, quotes, code spans and blocks, links; bare URLs
 *       autolinked; a line break is a line break). HTML typed into the text passes through to the next
 *       step, so clients that send the HTML subset keep working;</li>
 *   <li>the allow-list sanitiser ({@link ContentSanitizer}): what comes out is safe to render;</li>
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
    // a mention's login is read before emphasis, so "@jean._dupont_.x" stays one mention (MentionInlineParser)
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .customInlineContentParserFactory(MentionInlineParser.FACTORY).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .softbreak("<br />\n").sanitizeUrls(true).build();

    private final ContentSanitizer sanitizer = new ContentSanitizer();

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

    /** Runs the whole pipeline on what an author typed ({@code null} is empty text). */
    public Rendered render(String typed) {
        String source = typed == null ? "" : TextHygiene.text(typed);
        String markup = RENDERER.render(PARSER.parse(source));
        TextTokens tokens = new TextTokens();
        String html = sanitizer.sanitize(markup, tokens);
        return new Rendered(source, html, tokens.visibleText(), tokens);
    }
}
