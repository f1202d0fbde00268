package io.relais.kit.throttle;

import io.relais.kit.error.Problem;
import io.relais.kit.error.RefusalLog;
import io.relais.kit.identity.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Throttles every service's REST API (issue 12): writes (POST, PUT, PATCH, DELETE) and searches (GET under
 * {@code relais.throttle.search-paths}) per person ({@code preferred_username}) and per connector client
 * ({@code azp} of a token carrying the {@code connector} role), answering 429 as problem+json with
 * {@code Retry-After} in seconds. Anonymous requests are not counted: they are refused 401 anyway.
 */
@ApplicationScoped
public class ThrottleFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    ThrottleConfig config;

    private Throttle throttle;

    @PostConstruct
    void init() {
        throttle = new Throttle(config);
    }

    @ServerRequestFilter
    public Response throttle(ContainerRequestContext request) {
        if (!config.enabled()) return null;
        Throttle.Kind kind = kindOf(request.getMethod(), request.getUriInfo().getPath());
        if (kind == null) return null;
        Optional<Throttle.Caller> caller = callerOf(request.getSecurityContext());
        if (caller.isEmpty()) return null;
        Optional<Long> wait = throttle.take(caller.get(), kind);
        if (wait.isEmpty()) return null;
        String what = kind == Throttle.Kind.WRITE ? "writes" : "searches";
        Problem p = Problem.of(429, "too-many-requests", "Too many requests",
                caller.get().describe() + " has made more " + what + " than allowed in a short time; retry in "
                        + wait.get() + " s").withInstance(request.getUriInfo().getPath());
        RefusalLog.remember(p);
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", Long.toString(wait.get())).entity(p).build();
    }

    Throttle.Kind kindOf(String method, String path) {
        if (WRITES.contains(method)) return Throttle.Kind.WRITE;
        if ("GET".equals(method) && path != null && config.searchPaths().stream().anyMatch(path::startsWith)) {
            return Throttle.Kind.SEARCH;
        }
        return null;
    }

    static Optional<Throttle.Caller> callerOf(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null || principal.getName() == null) return Optional.empty();
        if (security.isUserInRole(Roles.CONNECTOR) && principal instanceof JsonWebToken jwt && jwt.getClaim("azp") != null) {
            return Optional.of(new Throttle.Caller(jwt.<String>getClaim("azp"), true));
        }
        return Optional.of(new Throttle.Caller(principal.getName(), false));
    }
}
