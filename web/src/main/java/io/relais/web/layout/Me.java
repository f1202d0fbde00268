package io.relais.web.layout;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import io.relais.events.Iri;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The person looking at the page, from their login session (anonymous on the landing page). */
@RequestScoped
public class Me {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    Instance<JsonWebToken> idToken;

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public String login() {
        return isLoggedIn() ? identity.getPrincipal().getName() : null;
    }

    public String iri() {
        return isLoggedIn() ? Iri.person(login()) : null;
    }

    public String displayName() {
        if (!isLoggedIn()) {
            return null;
        }
        try {
            String name = idToken.get().getClaim("name");
            return name == null || name.isBlank() ? login() : name;
        } catch (RuntimeException noIdToken) {
            return login();
        }
    }

    public boolean isCommunityManager() {
        return identity.hasRole("community-manager");
    }

    public boolean isAdmin() {
        return identity.hasRole("admin");
    }

    public Viewer view() {
        return isLoggedIn() ? new Viewer(true, login(), iri(), displayName(), isCommunityManager(), isAdmin())
                : Viewer.ANONYMOUS;
    }
}
