package io.relais.kit.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.relais.events.Iri;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling, from the validated Keycloak token: the login ({@code preferred_username}) is the
 * person id everywhere in Relais; a business system's client id is in {@code azp}.
 */
@RequestScoped
public class CurrentPerson {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String login() {
        return identity.getPrincipal().getName();
    }

    public String iri() {
        return Iri.person(login());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public boolean isCommunityManager() {
        return identity.hasRole(Roles.COMMUNITY_MANAGER);
    }

    /** Employees see organisation-wide content; a guest account (no employee role) does not. */
    public boolean isInternal() {
        return identity.hasRole(Roles.EMPLOYEE);
    }

    /** The OAuth client a service token was issued to (a business system), if any. */
    public Optional<String> clientId() {
        return Optional.ofNullable(token.<String>getClaim("azp"));
    }

    public Optional<String> displayName() {
        return Optional.ofNullable(token.<String>getClaim("name"));
    }

    public Optional<String> email() {
        return Optional.ofNullable(token.<String>getClaim("email"));
    }

    public String rawToken() {
        return token.getRawToken();
    }
}
