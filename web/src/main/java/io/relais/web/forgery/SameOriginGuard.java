package io.relais.web.forgery;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;
import java.util.Set;

/**
 * The first line against cross-site request forgery, before the login session is even read: a request that
 * changes something (POST, PUT, PATCH, DELETE) must say it comes from one of our own pages — the browser's
 * {@code Sec-Fetch-Site: same-origin}, or, from a browser too old to send it, an {@code Origin} equal to ours.
 * Anything else (another site, a sibling sub-domain or port of the same site, or no statement at all) gets 403.
 * Logout is POST-only: a link or an image elsewhere cannot end someone's session (GET answers 405). The
 * synchronizer token of every unsafe request is checked afterwards by {@link TokenCheck}, once the session and
 * the form are read.
 */
@ApplicationScoped
public class SameOriginGuard {

    static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    static final String LOGOUT = "/logout";
    /** After the security headers (so refusals carry them too), before authentication. */
    static final int ORDER = -1_000;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::guard);
    }

    private void guard(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (LOGOUT.equals(request.path()) && !HttpMethod.POST.equals(request.method())) {
            ctx.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, "POST")
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .end("Log out with the button of the page's menu.");
            return;
        }
        if (UNSAFE.contains(request.method()) && !fromOurOwnPage(request)) {
            refuse(ctx);
            return;
        }
        ctx.next();
    }

    /** Sec-Fetch-Site when the browser sends it (every current one does), the Origin header otherwise. */
    static boolean fromOurOwnPage(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return "same-origin".equals(site.toLowerCase(Locale.ROOT));
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin != null && origin.equalsIgnoreCase(ownOrigin(request));
    }

    /** scheme://host[:port] as this request reached us (behind a proxy, as the forwarded headers say, when trusted). */
    static String ownOrigin(HttpServerRequest request) {
        String scheme = request.scheme();
        var authority = request.authority();
        if (authority == null || scheme == null) {
            return "";
        }
        int port = authority.port();
        // a default port is not written in an Origin
        boolean defaultPort = port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + authority.host() + (defaultPort ? "" : ":" + port);
    }

    static void refuse(RoutingContext ctx) {
        ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .end("Refused: this request did not come from a Relais page.");
    }
}
