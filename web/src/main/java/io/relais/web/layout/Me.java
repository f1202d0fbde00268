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

    @Inject
    HrNames hrNames;

    /** This request's HR name, asked once (null: not asked yet). */
    private java.util.Optional<HrNames.HrName> hr;

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public String login() {
        return isLoggedIn() ? identity.getPrincipal().getName() : null;
    }

    public String iri() {
        return isLoggedIn() ? Iri.person(login()) : null;
    }

    /** The HR display name (profile-service, as every card shows it); the token's name only when HR cannot say. */
    public String displayName() {
        if (!isLoggedIn()) {
            return null;
        }
        return hr().map(HrNames.HrName::displayName).filter(n -> !n.isBlank()).orElseGet(this::tokenName);
    }

    /** Whether HR holds a photo of me (shown in the header through {@code /people/{login}/photo}). */
    public boolean hasPhoto() {
        return isLoggedIn() && hr().map(HrNames.HrName::hasPhoto).orElse(false);
    }

    private java.util.Optional<HrNames.HrName> hr() {
        if (hr == null && io.vertx.core.Context.isOnEventLoopThread()) {
            // a page rendered on the I/O thread (the 403 and forged-request pages) must not block on profile-service
            return java.util.Optional.empty();
        }
        if (hr == null) {
            try {
                hr = java.util.Optional.of(hrNames.of(login()));
            } catch (jakarta.ws.rs.WebApplicationException | jakarta.ws.rs.ProcessingException unavailable) {
                hr = java.util.Optional.empty();
            }
        }
        return hr;
    }

    private String tokenName() {
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
        return isLoggedIn() ? new Viewer(true, login(), iri(), displayName(), isCommunityManager(), isAdmin(), hasPhoto())
                : Viewer.ANONYMOUS;
    }
}
