package io.relais.kit.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The one encoding of every page cursor Relais issues (timelines, threads, the directory, search): a kind and the
 * position's fields joined by {@code |}, in base64url without padding. Opaque to clients, who send back the
 * {@code next} value as is; each service reads the fields and answers a token it did not issue with a 400 naming
 * {@code cursor} (its own message, saying how to start over).
 * <p>
 * Only what {@link #encode} gives is read back: a padded, re-cased or otherwise re-encoded token is not one, so a
 * cursor cannot be forged into a second spelling of a position.
 */
public final class OpaqueCursor {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private OpaqueCursor() {
    }

    /**
     * The token of a position.
     *
     * @param kind   what the cursor pages, with a version ({@code t1}: a timeline's first format); no {@code |}
     * @param fields the position, each written with {@link String#valueOf}; only the last may contain {@code |}
     */
    public static String encode(String kind, Object... fields) {
        StringBuilder raw = new StringBuilder(kind);
        for (Object f : fields) raw.append('|').append(f);
        return ENCODER.encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The fields of a token {@link #encode} gave for {@code kind} with {@code count} fields, or null when the token is
     * absent or not one (not base64url, another kind, another number of fields, not in its one spelling). The caller
     * still checks each field's own rule (a number, a range).
     */
    public static String[] decode(String token, String kind, int count) {
        if (token == null || token.isBlank()) return null;
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String[] parts = raw.split("\\|", count + 1);
        if (parts.length != count + 1 || !parts[0].equals(kind)) return null;
        String[] fields = new String[count];
        System.arraycopy(parts, 1, fields, 0, count);
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8)).equals(token) ? fields : null;
    }
}
