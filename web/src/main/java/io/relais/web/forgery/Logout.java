package io.relais.web.forgery;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;

/**
 * Logout, POST-only (the menu's button, with the synchronizer token like every change): ends the session here
 * (the encrypted session cookie is removed), then sends the browser to Keycloak's end-session endpoint
 * (OpenID Connect RP-initiated logout, with the ID token as hint) which ends the single sign-on session and
 * comes back to the landing page. Built here rather than by the OIDC extension's logout path, which would answer
 * any method before the token could be checked.
 */
@Path("/logout")
public class Logout {

    @Inject
    OidcSession session;

    @Inject
    OidcConfigurationMetadata provider;

    @Inject
    SecurityIdentity identity;

    @POST
    @Authenticated
    public Uni<Response> logout(@Context UriInfo uri) {
        String idToken = rawIdToken();
        URI landing = uri.getBaseUriBuilder().replacePath("/").replaceQuery(null).build();
        String endSession = provider == null ? null : provider.getEndSessionUri();
        URI next = idToken == null || endSession == null ? landing
                : UriBuilder.fromUri(endSession).queryParam("id_token_hint", idToken)
                        .queryParam("post_logout_redirect_uri", landing.toString()).build();
        // the session cookie goes in every case; then Keycloak ends its own session and comes back
        return endLocalSession().replaceWith(Response.seeOther(next).build());
    }

    private Uni<Void> endLocalSession() {
        try {
            return session.logout().onFailure().recoverWithNull();
        } catch (RuntimeException notAnOidcSession) {
            return Uni.createFrom().voidItem();
        }
    }

    /** The ID token of this login (the hint Keycloak needs to log out without asking again), or null. */
    private String rawIdToken() {
        IdTokenCredential credential = identity.getCredential(IdTokenCredential.class);
        if (credential != null && credential.getToken() != null) {
            return credential.getToken();
        }
        try {
            JsonWebToken token = session.getIdToken();
            return token == null ? null : token.getRawToken();
        } catch (RuntimeException notAnOidcSession) {
            return null;
        }
    }
}
