package io.relais.events;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one canonical key of a hashtag, used wherever Relais stores, compares, looks up or links one
 * (feed-service's extraction from posts, its hashtag feed and follows; the web app's hashtag page):
 * <ol>
 *   <li>{@link TextHygiene#line} (NFC, no control, bidi or zero-width characters), then NFKC, so
 *       compatibility forms ({@code ｆｕｌｌｗｉｄｔｈ}, ligatures) are the tag they look like;</li>
 *   <li>case folding with the JDK in {@link Locale#ROOT}, as lower case of upper case, which folds what a
 *       lower-casing alone keeps apart: {@code Straße} → {@code strasse}, {@code ÇAĞ} → {@code çağ}, the
 *       ligature {@code ﬁ} → {@code fi}; a Greek sigma ends up {@code ς} at the end of a word and {@code σ}
 *       elsewhere (the JDK's contextual rule), however it was typed. The dotted capital I (U+0130) is first mapped to {@code I}: the Unicode
 *       default folds it to {@code i} + U+0307, a combining mark no hashtag may hold, which silently lost
 *       {@code #İstanbul}; its key is {@code istanbul}, the spelling a reader types;</li>
 *   <li>NFC again (case mapping may decompose).</li>
 * </ol>
 * Accents are kept ({@code été} and {@code ete} are two tags), as search-service keeps them.
 *
 * <p>A tag is a letter followed by letters, digits or {@code _}, at most {@value #MAX_LENGTH} characters
 * (code points) once folded; a longer one is refused, never cut. The key of a tag that matched the rule is
 * never empty and folding it again changes nothing ({@code HashtagKeyProperties}).
 */
public final class HashtagKey {

    /** Most code points a hashtag may have. */
    public static final int MAX_LENGTH = 50;

    private static final char DOTTED_CAPITAL_I = '\u0130';

    private HashtagKey() {
    }

    /**
     * The canonical key of a tag as typed, with or without its leading {@code #}.
     *
     * @return the key (check it with {@link #isWellFormed}); {@code null} for {@code null}
     */
    public static String of(String typed) {
        if (typed == null) return null;
        String clean = TextHygiene.line(typed);
        if (clean.startsWith("#")) clean = clean.substring(1);
        String compatible = Normalizer.normalize(clean, Normalizer.Form.NFKC).replace(DOTTED_CAPITAL_I, 'I');
        String folded = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }

    /** Whether a code point may continue a hashtag as typed (letters, marks, digits, {@code _}). */
    public static boolean continues(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_' || isMark(cp);
    }

    /** Whether a key (as {@link #of} returns it) is a well-formed hashtag of legal length. */
    public static boolean isWellFormed(String key) {
        return hasLegalCharacters(key) && key.codePointCount(0, key.length()) <= MAX_LENGTH;
    }

    /**
     * Whether a key is a letter then letters, digits or {@code _}, whatever its length. Combining marks
     * that NFC cannot fold into a letter (Devanagari vowel signs…) end a word but cannot be part of a tag:
     * the IRI local-id alphabet of {@link Iri} has no marks.
     */
    public static boolean hasLegalCharacters(String key) {
        if (key == null || key.isEmpty() || !Character.isLetter(key.codePointAt(0))) return false;
        return key.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '_');
    }

    /** Whether a code point is a combining mark (non-spacing, spacing or enclosing). */
    public static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }
}
