package io.relais.web.forgery;

import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.Set;

/**
 * Every request that changes something (POST, PUT, PATCH, DELETE) must carry this session's synchronizer token:
 * htmx sends it as the {@value SessionToken#HEADER} header (set once, by {@code hx-headers} on the page's body,
 * since the CSP allows no inline script), plain forms as the hidden field {@value SessionToken#FIELD}. The form
 * is read before this filter runs ({@code @WithFormRead}), so url-encoded and multipart forms are both checked.
 * A missing or wrong token is {@link RequestForgeryRefused}: a 403 page asking to reload.
 */
public class TokenCheck {

    static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    SessionToken token;

    @ServerRequestFilter
    @WithFormRead
    public void requireToken(ResteasyReactiveContainerRequestContext request) {
        if (!UNSAFE.contains(request.getMethod())) {
            return;
        }
        String presented = request.getHeaderString(SessionToken.HEADER);
        if (presented == null && request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context) {
            Object field = context.getFormParameter(SessionToken.FIELD, true, false);
            presented = field == null ? null : field.toString();
        }
        if (!token.matches(presented)) {
            throw new RequestForgeryRefused();
        }
    }
}
