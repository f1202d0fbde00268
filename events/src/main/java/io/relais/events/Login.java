package io.relais.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for what a login may contain and how a mention spells it, shared by profile-service
 * (profiles, SCIM {@code userName}, HR events' {@code data.login} and {@code manager}) and the mention
 * parser of posts and comments (issue 13).
 *
 * <p>A login is the Keycloak {@code preferred_username}, compared in its {@linkplain #normalise normal
 * form}: cleaned by {@link TextHygiene#line}, trimmed, lower-cased. It is 1 to {@value #MAX_LENGTH}
 * ASCII letters, digits and {@code . _ @ + -}, begins and ends with a letter or digit, and holds at most
 * one {@code @}; so both {@code alice} and e-mail-shaped logins such as {@code x1@corp.example} or
 * {@code a+b} are logins, and the person IRI is {@code urn:relais:person:<login>}.
 *
 * <p>A mention is {@code @} followed by the whole login: {@code @x1@corp.example} mentions the person
 * {@code x1@corp.example}, never {@code x1}. Since a login ends with a letter or digit, punctuation after a
 * mention is not part of it ({@code "thanks @alice."} mentions {@code alice}). An {@code @} that follows a
 * login character ({@code bob@corp.example} written as an address) does not start a mention.
 */
public final class Login {

    /** Longest login, in characters. */
    public static final int MAX_LENGTH = 100;

    /** The rule in words, for error messages (problem+json {@code errors[].message}, SCIM {@code detail}). */
    public static final String RULE = "must be a login: 1 to " + MAX_LENGTH + " letters, digits and . _ @ + -, "
            + "beginning and ending with a letter or digit, with at most one @ (e.g. alice or x1@corp.example)";

    private static final String EDGE = "[a-z0-9]";
    private static final String INNER = "[a-z0-9._@+-]";
    private static final Pattern LOGIN = Pattern.compile(EDGE + "(?:" + INNER + "{0," + (MAX_LENGTH - 2) + "}" + EDGE + ")?");

    /**
     * A mention token in text: group 1 is the login as written (any case). Not preceded by a login
     * character or an {@code @}, so an e-mail address in prose is not a mention; the login part is the
     * longest run of login characters that ends with a letter or digit.
     */
    public static final Pattern MENTION = Pattern.compile(
            "(?<![A-Za-z0-9._@+-])@([A-Za-z0-9](?:[A-Za-z0-9._@+-]*[A-Za-z0-9])?)");

    private Login() {
    }

    /**
     * The form logins are compared and stored in: {@link TextHygiene#line} (NFC, no control, bidi or
     * zero-width characters), trimmed, lower-cased ({@link Locale#ROOT}).
     *
     * @return the normal form, or {@code null} for {@code null}
     */
    public static String normalise(String login) {
        if (login == null) return null;
        return TextHygiene.line(login).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether the value, once {@linkplain #normalise normalised}, follows the {@linkplain #RULE login rule}. */
    public static boolean isValid(String login) {
        String n = normalise(login);
        return n != null && LOGIN.matcher(n).matches() && n.indexOf('@') == n.lastIndexOf('@');
    }

    /**
     * How a mention of this login is written: {@code "@" + normalise(login)}.
     *
     * @throws IllegalArgumentException if the login is not valid
     */
    public static String mention(String login) {
        if (!isValid(login)) throw new IllegalArgumentException("not a login: '" + login + "'; " + RULE);
        return "@" + normalise(login);
    }

    /**
     * The login a single token mentions: {@code "@X1@Corp.example"} gives {@code x1@corp.example}.
     *
     * @return the normalised login, or empty when the token is not exactly one mention of a valid login
     */
    public static Optional<String> parseMention(String token) {
        if (token == null) return Optional.empty();
        Matcher m = MENTION.matcher(TextHygiene.line(token).trim());
        if (!m.matches() || !isValid(m.group(1))) return Optional.empty();
        return Optional.of(normalise(m.group(1)));
    }

    /**
     * Every login mentioned in a plain text, normalised, without duplicates, in order of first
     * appearance. The text is taken as given: the caller strips what must not count (code, URLs, markup).
     * A token that is too long or has two {@code @} is not a mention.
     */
    public static List<String> mentions(String text) {
        if (text == null || text.isEmpty()) return List.of();
        Set<String> found = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(TextHygiene.text(text));
        while (m.find()) {
            if (isValid(m.group(1))) found.add(normalise(m.group(1)));
        }
        return new ArrayList<>(found);
    }
}
