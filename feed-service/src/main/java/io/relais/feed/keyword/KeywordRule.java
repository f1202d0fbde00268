package io.relais.feed.keyword;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One organisation keyword rule: a word or phrase and what happens to a post or comment containing it.
 * Matching ignores case and accents and respects word boundaries ("crypto" matches "Crypto !" but not
 * "cryptographie").
 *
 * @param term the word or phrase as the admin wrote it
 * @param mode {@code block} (the text is refused, 422) or {@code hold} (accepted, hidden until a moderator restores it)
 */
public record KeywordRule(String term, String mode) {

    public static final String BLOCK = "block";
    public static final String HOLD = "hold";

    /** Whether the text contains the term. */
    public boolean matches(String text) {
        return text != null && pattern().matcher(fold(text)).find();
    }

    /** How problems and the audit log name the rule: {@code block:"term"}. */
    public String label() {
        return mode + ":\"" + term + "\"";
    }

    private Pattern pattern() {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(fold(term)).replace(" ", "\\E\\s+\\Q") + "(?![\\p{L}\\p{N}])");
    }

    /**
     * Lower case without diacritics, compatibility forms or invisible format characters, so "Défense", "defense",
     * "ｄｅｆｅｎｓｅ" and "de\u00ADfense" (a soft hyphen, shown as nothing) are the same word.
     */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("[\\p{M}\\p{Cf}]+", "").toLowerCase(Locale.ROOT);
    }
}
