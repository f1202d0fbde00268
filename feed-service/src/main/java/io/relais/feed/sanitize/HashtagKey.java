package io.relais.feed.sanitize;

import io.relais.events.TextHygiene;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one canonical key of a hashtag, used wherever feed-service stores, compares or looks one up
 * (extraction from posts, the hashtag feed, follows): {@link TextHygiene#line} (NFC first, so
 * {@code cafe} + U+0301 and {@code café} are one tag), then lower case in {@link Locale#ROOT}, then NFC
 * again (lower-casing may decompose). Accents are kept: search-service indexes a hashtag as a keyword
 * lower-cased with {@code Locale.ROOT} ({@code Projection}) and reads {@code #tag} in a query the same way
 * ({@code QueryText}), so this key is exactly the term search filters on; folding accents here would make
 * {@code #été} in search and the {@code été} hashtag feed disagree.
 *
 * <p>A tag is a letter followed by letters, digits or {@code _}, at most
 * {@value #MAX_LENGTH} characters (code points); a longer one is refused, never cut.
 */
public final class HashtagKey {

    /** Most code points a hashtag may have. */
    public static final int MAX_LENGTH = 50;

    private HashtagKey() {
    }

    /**
     * The canonical key of a tag as typed, with or without its leading {@code #}.
     *
     * @return the key; {@code null} for {@code null}
     */
    public static String of(String typed) {
        if (typed == null) return null;
        String clean = TextHygiene.line(typed);
        if (clean.startsWith("#")) clean = clean.substring(1);
        return Normalizer.normalize(clean.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    /** Whether a code point may continue a hashtag (letters, marks, digits, {@code _}). */
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
     * the IRI local-id alphabet of {@code events} has no marks.
     */
    public static boolean hasLegalCharacters(String key) {
        if (key == null || key.isEmpty() || !Character.isLetter(key.codePointAt(0))) return false;
        return key.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '_');
    }

    static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }
}
