package io.relais.search.query;

import io.relais.events.HashtagKey;
import io.relais.events.Login;
import io.relais.kit.error.ProblemException;
import io.relais.search.index.Analysis;
import io.relais.search.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query language of the search box, for people who type words, not Lucene: words (all required),
 * {@code "phrases"}, {@code OR} (or {@code |}), {@code NOT word} (or {@code -word}), {@code (grouping)}, prefix
 * {@code foo*}, {@code #hashtag} and {@code @login} as exact terms ({@code @login} spelled by the shared rule of
 * {@link Login}, so {@code @x1@corp.example} looks for mentions of that login, not of {@code x1}). Each word is
 * looked up in French, English and folded form, titles weighing more than bodies.
 * <p>
 * Parsed by Lucene's {@link SimpleQueryParser} with only those operators enabled (issue 16, finding F4): it never
 * fails, so ordinary text ({@code TCP/IP}, {@code and/or}, {@code C++}, a stray {@code "} or {@code (}, a lone
 * {@code -}) always searches, and regular expressions, fuzzy and proximity ({@code ~}), ranges, field queries
 * ({@code a:b}), {@code *:*} and leading wildcards are not interpreted (their characters are plain text, which the
 * analyzer drops). {@code AND} is the default and may be written; a query of only exclusions matches nothing.
 */
public final class QueryText {

    static final Analyzer ANALYZER = Analysis.perField();
    private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{N}_-]+)");

    /** The operators of the search box; not FUZZY, NEAR (both {@code ~}) nor ESCAPE (backslash). */
    static final int OPERATORS = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR;

    public static final String[] ITEM_FIELDS = {Fields.TITLE_FR, Fields.TITLE_EN, Fields.TITLE_PLAIN,
            Fields.CONTENT_FR, Fields.CONTENT_EN, Fields.CONTENT_PLAIN};
    public static final Map<String, Float> ITEM_BOOSTS = Map.of(Fields.TITLE_FR, 3f, Fields.TITLE_EN, 3f,
            Fields.TITLE_PLAIN, 3f, Fields.CONTENT_FR, 1f, Fields.CONTENT_EN, 1f, Fields.CONTENT_PLAIN, 1f);

    public static final String[] PEOPLE_FIELDS = {Fields.TITLE_PLAIN, Fields.SUGGEST, Fields.SKILLS_TEXT,
            Fields.CONTENT_FR, Fields.CONTENT_EN, Fields.CONTENT_PLAIN};
    public static final Map<String, Float> PEOPLE_BOOSTS = Map.of(Fields.TITLE_PLAIN, 4f, Fields.SUGGEST, 2f,
            Fields.SKILLS_TEXT, 3f, Fields.CONTENT_FR, 1f, Fields.CONTENT_EN, 1f, Fields.CONTENT_PLAIN, 1f);

    private QueryText() {
    }

    /** The search box's query over items (posts, comments, cards, communities); see the class for the syntax. */
    public static Query parse(String q, int maxChars) {
        return parse(q, maxChars, ITEM_FIELDS, ITEM_BOOSTS);
    }

    /**
     * The search box's query over {@code fields}, each weighted by {@code boosts}; blank matches everything.
     *
     * @throws ProblemException 400 naming {@code q} when it is longer than {@code maxChars}; never for its syntax
     */
    public static Query parse(String q, int maxChars, String[] fields, Map<String, Float> boosts) {
        if (q == null || q.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (q.length() > maxChars) {
            throw ProblemException.invalid("q", "must be at most " + maxChars + " characters");
        }
        SimpleQueryParser parser = new WordsParser(boosts);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(spelledOperators(q.trim()));
    }

    /** {@code OR}, {@code AND} and {@code NOT} written as words (outside phrases) become the parser's operators. */
    static String spelledOperators(String q) {
        StringBuilder out = new StringBuilder(q.length());
        boolean inPhrase = false;
        boolean negate = false;
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < q.length() && !Character.isWhitespace(q.charAt(end))) end++;
            String word = q.substring(i, end);
            boolean operator = !inPhrase && (word.equals("OR") || word.equals("AND") || word.equals("NOT"));
            if (operator && word.equals("OR")) {
                out.append('|');
            } else if (operator && word.equals("NOT")) {
                negate = true;
            } else if (!operator) {
                if (negate) out.append('-');
                negate = false;
                out.append(word);
                for (int k = 0; k < word.length(); k++) if (word.charAt(k) == '"') inPhrase = !inPhrase;
            }
            i = end;
        }
        return out.toString();
    }

    /** Words are analyzed per field; a whole {@code #hashtag} or {@code @login} word is an exact term instead. */
    private static final class WordsParser extends SimpleQueryParser {

        WordsParser(Map<String, Float> boosts) {
            super(ANALYZER, boosts, OPERATORS);
        }

        @Override
        protected Query newDefaultQuery(String text) {
            Matcher h = HASHTAG.matcher(text);
            if (h.matches()) {
                return new TermQuery(new Term(Fields.HASHTAG, HashtagKey.of(h.group(1))));
            }
            // a mention is spelled by the one login rule: @x1@corp.example is the person x1@corp.example, not x1
            Matcher m = Login.MENTION.matcher(text);
            if (m.matches()) {
                String login = Login.isValid(m.group(1)) ? Login.normalise(m.group(1)) : m.group(1).toLowerCase(Locale.ROOT);
                return new TermQuery(new Term(Fields.MENTION, login));
            }
            return super.newDefaultQuery(text);
        }
    }
}
