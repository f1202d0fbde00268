package io.relais.web;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Tests only: a request carrying {@code X-Test-Login} (and {@code X-Test-Roles}, comma-separated) is that
 * person, with a made-up access token, so role checks can be tested without Keycloak. Without the header, the OIDC
 * login applies as usual.
 */
@ApplicationScoped
public class TestLogin implements HttpAuthenticationMechanism {

    static final String LOGIN = "X-Test-Login";
    static final String ROLES = "X-Test-Roles";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String login = context.request().getHeader(LOGIN);
        if (login == null) {
            return Uni.createFrom().nullItem();
        }
        String roles = context.request().getHeader(ROLES);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(login))
                .addRoles(roles == null ? Set.of() : Set.of(roles.split(",")))
                // an access token as the OIDC login gives one, for what passes it on itself (the live relay)
                .addCredential(new AccessTokenCredential("test-token-of-" + login))
                .build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return 5000;
    }
}
