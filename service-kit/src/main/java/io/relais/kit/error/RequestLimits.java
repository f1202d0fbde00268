package io.relais.kit.error;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;

/**
 * A request line longer than {@code relais.http.max-request-line} (4096 bytes) is answered 414, headers larger than
 * {@code relais.http.max-header-size} (20K) in all 431, both as problem+json naming the limit, before anything else
 * reads the request (route order -1000: ahead of authentication, permission checks and {@link BodyLimit}).
 *
 * <p>Why a route and not the HTTP layer's own limits: Netty refuses a line or headers past
 * {@code quarkus.http.limits.max-initial-line-length} / {@code max-header-size} while decoding, and Vert.x answers
 * that through {@code HttpServer#invalidRequestHandler}, whose default ({@code HttpServerRequest
 * .DEFAULT_INVALID_REQUEST_HANDLER}) ends the response empty. Quarkus creates the server itself and neither sets that
 * handler nor lets an application set it ({@code HttpServerOptionsCustomizer} only sees options). So this module's
 * {@code META-INF/microprofile-config.properties} raises Netty's limits to a hard ceiling (16 KB line, 64 KB
 * headers) and the limits a client is told about are enforced here. Past the ceiling Netty still answers an empty
 * 414 / 431: that is a request no client of ours sends.
 */
@ApplicationScoped
public class RequestLimits {

    /** "HTTP/1.1" or "HTTP/1.0": the version closes the request line, 8 bytes either way. */
    private static final int VERSION_LENGTH = 8;

    private static final int ORDER = -1000;

    void install(@Observes Router router) {
        // defaults in this module's META-INF/microprofile-config.properties, next to the ceiling they must stay under
        int maxLine = ConfigProvider.getConfig().getValue("relais.http.max-request-line", Integer.class);
        long maxHeaders = ConfigProvider.getConfig().getValue("relais.http.max-header-size", MemorySize.class).asLongValue();
        // Quarkus' filters are routes of order minus their priority (authentication 200, permission checks 100): a
        // request the HTTP layer would have refused unread is refused before them, whether or not it carries a token
        router.route().order(ORDER).handler(ctx -> check(ctx, maxLine, maxHeaders));
    }

    private static void check(RoutingContext ctx, int maxLine, long maxHeaders) {
        HttpServerRequest request = ctx.request();
        // the line as Netty read it: "GET /api/search?q=… HTTP/1.1", one byte a character (it decodes it as Latin-1)
        int line = request.method().name().length() + 1 + request.uri().length() + 1 + VERSION_LENGTH;
        if (line > maxLine) {
            // no instance: the address is the oversized part, it is not echoed back
            RouteProblems.send(ctx, Problem.of(414, "uri-too-long", "URI Too Long",
                    "the request line (method, address and HTTP version) is " + line + " bytes long; this service accepts at most "
                            + maxLine + " bytes"));
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headers += h.getKey().length() + 2 + h.getValue().length(); // "Name: value", as Netty counts a header line
        }
        if (headers > maxHeaders) {
            RouteProblems.send(ctx, Problem.of(431, "headers-too-large", "Request Header Fields Too Large",
                    "the request's headers are " + headers + " bytes in all; this service accepts at most " + maxHeaders + " bytes"));
            return;
        }
        ctx.next();
    }
}
