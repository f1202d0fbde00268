package io.relais.profile.person;

import io.relais.events.Login;
import io.relais.events.Violation;
import io.relais.kit.error.Problem;
import io.relais.kit.error.ProblemException;

import java.util.List;

/**
 * profile-service's entry to the shared login rule, {@link io.relais.events.Login} (the same rule SCIM,
 * HR events and the mention parser apply): a login is the Keycloak {@code preferred_username}; in its
 * normal form it is the profile's {@code _id} and the local part of the person IRI.
 */
public final class Logins {

    private Logins() {
    }

    /** {@link Login#normalise}: cleaned, trimmed, lower-cased; null stays null. */
    public static String normalise(String login) {
        return Login.normalise(login);
    }

    /**
     * Logins that name a path of this API rather than a person: {@code /api/people/me} (and {@code /me/photo},
     * {@code /me/export}) is each caller's own profile, so a person {@code me} could never be opened by colleagues, and
     * an administrator asking for their export got their own. Compared in the normal form ({@code ME} is {@code me}).
     */
    public static final java.util.Set<String> RESERVED = java.util.Set.of("me");

    /** What a reserved login is told, for error messages. */
    public static final String RESERVED_RULE = "must not be me: /api/people/me is each person's own profile";

    /** {@link Login#isValid}, and not {@linkplain #RESERVED reserved}. */
    public static boolean isValid(String login) {
        return Login.isValid(login) && !RESERVED.contains(normalise(login));
    }

    /** Why {@code login} is not a login ({@link #RESERVED_RULE} or {@link #RULE}); only meaningful when {@link #isValid} is false. */
    public static String whyNot(String login) {
        return Login.isValid(login) ? RESERVED_RULE : RULE;
    }

    /**
     * The caller's own login (the token's {@code preferred_username}) in its normal form, for whatever they do as
     * themselves (their profile, photo, export, endorsements). It follows the one login rule like a login from SCIM or
     * an HR event: an identity provider may admit other user names (a space, an accent, markup, a slash, a leading
     * dash), and a profile started under one could never be named by HR, SCIM or a mention, or could not be a person
     * IRI at all (that was a 500).
     *
     * @throws ProblemException 403 whose {@code errors} name {@code login} and the rule
     */
    public static String signedIn(String tokenLogin) {
        if (isValid(tokenLogin)) return normalise(tokenLogin);
        throw new ProblemException(Problem.of(403, "forbidden", "Forbidden", "your sign-in name is not a Relais login, so it "
                + "cannot have a profile; an administrator must change it in the identity provider")
                .withErrors(List.of(new Violation("login", whyNot(tokenLogin)))));
    }

    /** {@link Login#RULE}, for error messages. */
    public static final String RULE = Login.RULE;
}
