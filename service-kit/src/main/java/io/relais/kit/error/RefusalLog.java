package io.relais.kit.error;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.relais.events.Violation;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One INFO line per refused request (status 400–499), so that whoever runs a service can tell from its log which
 * calls fail and why, e.g. {@code refused POST /api/posts: 400 validation (content) in 3 ms}. Said: the method, the
 * path without its query (a search's words are a person's), the status, the problem's type slug and the fields it
 * names, the time taken. Never the body, a header or who asked. A 5xx is logged where it is made, with its
 * incident ({@link ProblemMappers}).
 *
 * <p>A route of order -1001, ahead of {@link RequestLimits}, so that refusals made before RESTEasy (414, 431, 413,
 * an authentication's 401) are logged too; the problem's type and fields are known only when it went through
 * {@link ProblemMappers}, a refusing route or the throttle, which leave them on the request ({@link #remember}).
 */
@ApplicationScoped
public class RefusalLog {

    private static final Logger LOG = Logger.getLogger(RefusalLog.class);
    private static final String PROBLEM = RefusalLog.class.getName() + ".problem";
    /** Longest text of fields logged: a problem may name many elements of a list. */
    private static final int MAX_FIELDS = 200;

    void install(@Observes Router router) {
        router.route().order(-1001).handler(ctx -> {
            long start = System.nanoTime();
            ctx.addEndHandler(done -> log(ctx, start));
            ctx.next();
        });
    }

    private static void log(RoutingContext ctx, long start) {
        int status = ctx.response().getStatusCode();
        if (status < 400 || status > 499) return;
        Problem p = ctx.get(PROBLEM);
        String problem = p == null ? "" : " " + slug(p.type()) + fields(p.errors());
        LOG.infof("refused %s %s: %d%s in %d ms", ctx.request().method().name(), printable(ctx.request().path()),
                status, problem, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Leaves {@code p} on the request being answered, for its log line; does nothing outside a request (a mapper
     * called by a test, a Kafka consumer).
     */
    public static void remember(Problem p) {
        if (p.status() < 400 || p.status() > 499 || Arc.container() == null) return;
        try (InstanceHandle<CurrentVertxRequest> request = Arc.container().instance(CurrentVertxRequest.class)) {
            RoutingContext ctx = request.isAvailable() ? request.get().getCurrent() : null;
            if (ctx != null) remember(ctx, p);
        } catch (RuntimeException e) {
            // no request context active: nothing to log against
        }
    }

    /** Leaves {@code p} on {@code ctx}, a request answered by a route before RESTEasy sees it. */
    static void remember(RoutingContext ctx, Problem p) {
        ctx.put(PROBLEM, p);
    }

    private static String slug(String type) {
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }

    private static String fields(List<Violation> errors) {
        if (errors == null || errors.isEmpty()) return "";
        String named = errors.stream().map(Violation::field).distinct().collect(Collectors.joining(", "));
        return " (" + printable(named.length() > MAX_FIELDS ? named.substring(0, MAX_FIELDS) + "…" : named) + ")";
    }

    /** A path or field as one log line: control characters (a forged line break) become '?'. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
