package io.relais.events;

import java.text.Normalizer;

/**
 * The one input-hygiene rule for every text a person or a business system gives Relais (names,
 * titles, profile fields, card text, posts, comments, search queries), applied by every service
 * before the text is validated, stored or compared.
 *
 * <p>What it does, in this order:
 * <ol>
 *   <li>Unicode NFC normalisation, so {@code e + U+0301} and {@code é} are the same text (phone
 *       keyboards send the decomposed form; a hashtag or login typed either way must match).</li>
 *   <li>Removes what is never text a reader should get: C0 and C1 control characters (NUL included;
 *       {@link #text} keeps {@code \n} and {@code \t}), unpaired surrogates, the bidirectional
 *       embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069 (they let a name display
 *       reversed, the "Trojan Source" trick), and the invisible U+200B ZERO WIDTH SPACE, U+2060 WORD
 *       JOINER, U+FEFF (BOM) and U+180E. U+200C/U+200D (ZWNJ/ZWJ) are kept: Persian and Indic scripts
 *       and emoji sequences need them.</li>
 * </ol>
 * It never shortens text otherwise; length rules are the caller's and refuse, never truncate.
 */
public final class TextHygiene {

    private TextHygiene() {
    }

    /**
     * A single-line value (a name, a title, a login, a path parameter): normalised, with every control
     * character, line break and tab removed.
     *
     * @return the clean text, or {@code null} for {@code null}
     */
    public static String line(String raw) {
        return clean(raw, false);
    }

    /**
     * A multi-line value (a post body, a comment, a card summary): normalised; line breaks ({@code \n},
     * {@code \r\n} and {@code \r} become {@code \n}) and tabs kept, every other control character removed.
     *
     * @return the clean text, or {@code null} for {@code null}
     */
    public static String text(String raw) {
        return clean(raw, true);
    }

    /** Whether {@link #line} would change nothing but the normal form: true when the value is safe as given. */
    public static boolean isCleanLine(String raw) {
        return raw == null || Normalizer.normalize(raw, Normalizer.Form.NFC).equals(line(raw));
    }

    private static String clean(String raw, boolean multiLine) {
        if (raw == null) {
            return null;
        }
        String s = multiLine ? raw.replace("\r\n", "\n").replace('\r', '\n') : raw;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(++i));
                }
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            if (multiLine && (c == '\n' || c == '\t')) {
                out.append(c);
                continue;
            }
            if (!isUnwanted(c)) {
                out.append(c);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static boolean isUnwanted(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x180E;
    }
}
