package io.relais.events;

/** AS2 addresses with a special meaning in Relais' {@code to}/{@code cc} audiences. */
public final class Audience {

    /** Everyone who works in the organisation (internal accounts), not external guests. */
    public static final String ORGANISATION = "urn:relais:audience:organisation";
    /** AS2's public address; inside Relais it means the same as {@link #ORGANISATION}. */
    public static final String AS_PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    /** Short forms of AS_PUBLIC that the AS2 spec allows in JSON-LD compacted form. */
    public static final String AS_PUBLIC_SHORT = "as:Public";

    private Audience() {
    }

    public static boolean isOrganisationWide(String address) {
        return ORGANISATION.equals(address) || AS_PUBLIC.equals(address) || AS_PUBLIC_SHORT.equals(address)
                || "Public".equals(address);
    }
}
