package io.relais.feed.keyword;

import io.relais.events.Violation;
import io.relais.kit.error.Problem;
import io.relais.kit.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.relais.feed.sanitize.WrittenText;
import org.jsoup.Jsoup;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The organisation's keyword rules, applied to every post and comment written through feed-service (new and
 * edited): a {@code block} rule refuses the text with a 422 problem+json naming the field and the rule; a
 * {@code hold} rule lets it through to be stored hidden and queued for review. Block wins over hold.
 */
@ApplicationScoped
public class KeywordRules {

    @Inject
    KeywordRuleStore store;

    public List<KeywordRule> rules() {
        return store.rules();
    }

    /** Replaces the rules (the caller checks the role); the same term twice is one rule, the first one. */
    public List<KeywordRule> replace(List<KeywordRule> rules, String byIri, Instant at) {
        java.util.Map<String, KeywordRule> byTerm = new java.util.LinkedHashMap<>();
        rules.forEach(r -> byTerm.putIfAbsent(KeywordRule.fold(r.term()), r));
        List<KeywordRule> kept = List.copyOf(byTerm.values());
        store.replace(kept, byIri, Date.from(at));
        return kept;
    }

    /**
     * Screens a text before it is stored. Rules match the text as readers see it: the text content of the rendered,
     * sanitised HTML, where character references are characters and markup no longer splits a word
     * ({@code b&#108;ocked}, {@code blo**cked**word}); never the author's source.
     *
     * @param field the request field the text came from (named in the problem)
     * @param text  the author's text through the pipeline
     * @return the hold rule that matched, if any (the caller stores the item hidden)
     * @throws ProblemException 422 when a block rule matches
     */
    public Optional<KeywordRule> screen(String field, WrittenText text) {
        return screenVisible(field, readerText(text.html()));
    }

    /** The text content a reader of this HTML sees, blocks separated by a space. */
    static String readerText(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).text();
    }

    private Optional<KeywordRule> screenVisible(String field, String text) {
        List<KeywordRule> rules = store.rules();
        for (KeywordRule r : rules) {
            if (KeywordRule.BLOCK.equals(r.mode()) && r.matches(text)) {
                String rule = "must not contain \"" + r.term() + "\" (organisation keyword rule " + r.label() + ")";
                throw new ProblemException(Problem.of(422, "keyword-rule", "Refused by a keyword rule", field + " " + rule)
                        .withErrors(List.of(new Violation(field, rule))));
            }
        }
        return rules.stream().filter(r -> KeywordRule.HOLD.equals(r.mode()) && r.matches(text)).findFirst();
    }
}
