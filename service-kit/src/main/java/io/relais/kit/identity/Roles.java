package io.relais.kit.identity;

/** Keycloak realm roles of the {@code relais} realm. */
public final class Roles {
    public static final String EMPLOYEE = "employee";
    public static final String COMMUNITY_MANAGER = "community-manager";
    public static final String ADMIN = "admin";
    public static final String CONNECTOR = "connector";

    private Roles() {
    }
}
