package io.relais.profile.person;

import java.util.Locale;
import java.util.regex.Pattern;

/** A login is the Keycloak {@code preferred_username}; lower-cased it is the local part of the person IRI. */
public final class Logins {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@+-]{0,99}");

    private Logins() {
    }

    public static String normalise(String login) {
        return login == null ? null : login.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String login) {
        return login != null && LOGIN.matcher(normalise(login)).matches();
    }

    public static final String RULE = "must be a login: letters, digits and . _ @ + - (at most 100), e.g. alice";
}
