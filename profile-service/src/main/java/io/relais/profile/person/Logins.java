package io.relais.profile.person;

import io.relais.events.Login;

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

    /** {@link Login#isValid}. */
    public static boolean isValid(String login) {
        return Login.isValid(login);
    }

    /** {@link Login#RULE}, for error messages. */
    public static final String RULE = Login.RULE;
}
