package io.relais.profile.scim;

/**
 * Who may provision people through SCIM. Only the realm role {@value #ROLE} (in
 * {@code deploy/keycloak/relais-realm.json} it is given to the HR system's service account,
 * {@code service-account-hr-connector}) and {@code admin}: the other business systems carry the
 * {@code connector} role only, which lets them post events through connector-service but not list,
 * create, change or erase people (issue 12, "every partner in its lane").
 */
public final class Provisioning {

    /** The Keycloak realm role that opens {@code /scim/v2}. */
    public static final String ROLE = "provisioning";

    private Provisioning() {
    }
}
