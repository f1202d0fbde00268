package io.relais.search.query;

import io.relais.events.Login;
import io.relais.kit.error.ProblemException;
import io.relais.search.index.Analysis;
import io.relais.search.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query language of the search box: words (all required), "phrases", OR, NOT/-, prefix {@code foo*},
 * {@code #hashtag} and {@code @login} as exact terms ({@code @login} spelled by the shared rule of
 * {@link Login}, so {@code @x1@corp.example} looks for mentions of that login, not of {@code x1}).
 * Each word is looked up in French, English and
 * folded form, titles weighing more than bodies.
 */
public final class QueryText {

    static final Analyzer ANALYZER = Analysis.perField();
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}&:])#([\\p{L}\\p{N}_-]+)");

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

    public static Query parse(String q, int maxChars) {
        return parse(q, maxChars, ITEM_FIELDS, ITEM_BOOSTS);
    }

    public static Query parse(String q, int maxChars, String[] fields, Map<String, Float> boosts) {
        if (q == null || q.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (q.length() > maxChars) {
            throw ProblemException.invalid("q", "must be at most " + maxChars + " characters");
        }
        String rewritten = rewrite(q.trim());
        MultiFieldQueryParser parser = new MultiFieldQueryParser(fields, ANALYZER, boosts);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        try {
            Query query = parser.parse(rewritten);
            // wildcards expand into many terms: refuse a query that would exceed the clause limit
            return query;
        } catch (ParseException | IllegalArgumentException | IndexSearcher.TooManyClauses e) {
            throw ProblemException.invalid("q", "is not a valid query (" + firstLine(e.getMessage())
                    + "); use words, \"phrases\", AND, OR, NOT and prefix*");
        }
    }

    private static String rewrite(String q) {
        Matcher h = HASHTAG.matcher(q);
        StringBuilder b = new StringBuilder();
        while (h.find()) {
            h.appendReplacement(b, Matcher.quoteReplacement(Fields.HASHTAG + ":" + h.group(1).toLowerCase(Locale.ROOT)));
        }
        h.appendTail(b);
        // a mention is spelled by the one login rule: @x1@corp.example is the person x1@corp.example, not x1
        Matcher m = Login.MENTION.matcher(b.toString());
        StringBuilder c = new StringBuilder();
        while (m.find()) {
            String login = Login.isValid(m.group(1)) ? Login.normalise(m.group(1)) : m.group(1).toLowerCase(Locale.ROOT);
            m.appendReplacement(c, Matcher.quoteReplacement(Fields.MENTION + ":" + QueryParser.escape(login)));
        }
        m.appendTail(c);
        return c.toString();
    }

    private static String firstLine(String message) {
        if (message == null) return "syntax error";
        String line = message.lines().findFirst().orElse(message);
        int at = line.indexOf(": ");
        String s = at > 0 && line.startsWith("Cannot parse") ? line.substring(at + 2) : line;
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
