package io.relais.connector.registration;

import java.util.Locale;

/**
 * Whether, and how, a business system's own user identities are matched to Relais people, set by an admin
 * on the registration. Only then may a generic activity be attributed to a person; otherwise the registered
 * system itself is the actor of everything it sends (a connector never acts on behalf of people by default).
 */
public enum PeopleMatch {
    /** The system is the actor of everything it sends; naming a Relais person as actor or author is refused. */
    NONE,
    /**
     * The system's user names are Relais logins: an actor or author given as {@code urn:relais:person:<login>}
     * or as a {@code Person} with {@code preferredUsername} is that person, if Relais knows them and they have not left.
     */
    LOGIN,
    /**
     * The system knows its users by e-mail: an actor or author given as {@code mailto:<address>}, or as a
     * {@code Person} with {@code email} (vCard) or an e-mail {@code preferredUsername}, is the Relais person
     * with that e-mail address in their profile, if they have not left.
     */
    EMAIL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@link #NONE} for {@code null} (registrations stored before people matching existed). */
    public static PeopleMatch of(String id) {
        return id == null ? NONE : valueOf(id.toUpperCase(Locale.ROOT));
    }
}
