package io.relais.feed.sanitize;

import io.relais.events.Login;
import org.commonmark.node.Text;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

import java.util.Set;

/**
 * Keeps a mention whole through Markdown: at an {@code @} that starts a mention ({@link Login#MENTION}: not
 * after a login character or another {@code @}), the login that follows is taken as plain text, so the
 * Markdown inside a legal login ({@code @jean._dupont_.x}, whose {@code _dupont_} CommonMark would otherwise
 * read as emphasis) never splits it and the mention reader ({@link TextTokens}) finds the whole login.
 *
 * <p>The run taken is the one {@link Login#MENTION} takes: login characters, ending on the last letter or
 * digit (so {@code "@alice_."} leaves {@code "_."} to Markdown). Code spans, autolinks and inline HTML are
 * parsed by their own triggers before their content is reached, so an {@code @} inside them is untouched; the
 * text node it returns is merged with its neighbours, so URLs around it are autolinked as before.
 */
final class MentionInlineParser implements InlineContentParser {

    /** Registers the parser for {@code @} ({@code Parser.builder().customInlineContentParserFactory(FACTORY)}). */
    static final InlineContentParserFactory FACTORY = new InlineContentParserFactory() {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('@');
        }

        @Override
        public InlineContentParser create() {
            return new MentionInlineParser();
        }
    };

    @Override
    public ParsedInline tryParse(InlineParserState state) {
        Scanner scanner = state.scanner();
        if (isLoginCharacter(scanner.peekPreviousCodePoint())) return ParsedInline.none();
        Position start = scanner.position();
        scanner.next(); // the @
        if (!isLetterOrDigit(scanner.peek())) return ParsedInline.none();
        Position end = scanner.position();
        while (isLoginCharacter(scanner.peek())) {
            boolean edge = isLetterOrDigit(scanner.peek());
            scanner.next();
            if (edge) end = scanner.position();
        }
        scanner.setPosition(end);
        return ParsedInline.of(new Text(scanner.getSource(start, end).getContent()), end);
    }

    // the character classes of Login.MENTION: [A-Za-z0-9._@+-], edges [A-Za-z0-9]
    private static boolean isLoginCharacter(int c) {
        return isLetterOrDigit(c) || c == '.' || c == '_' || c == '@' || c == '+' || c == '-';
    }

    private static boolean isLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
