package io.relais.kit.error;

import io.quarkus.runtime.configuration.MemorySize;
import io.relais.events.Violation;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Optional;

/**
 * A request whose declared body ({@code Content-Length}) is larger than {@code quarkus.http.limits.max-body-size}
 * is answered 413 as problem+json, naming the limit, before anything reads it. Quarkus' own check (route order
 * -2) would answer the same status with an empty body; this route runs just before it. A chunked body that
 * grows past the limit is stopped by Quarkus while it is read, and then mapped by {@link ProblemMappers}.
 */
@ApplicationScoped
public class BodyLimit {

    void install(@Observes Router router) {
        Optional<MemorySize> max = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class);
        if (max.isEmpty()) return;
        long limit = max.get().asLongValue();
        router.route().order(-10).handler(ctx -> check(ctx, limit));
    }

    private static void check(RoutingContext ctx, long limit) {
        String length = ctx.request().getHeader("Content-Length");
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1; // the HTTP layer refuses a malformed length itself
        }
        if (declared <= limit) {
            ctx.next();
            return;
        }
        Problem p = Problem.of(413, "too-large", "Payload too large",
                        "the request body is " + declared + " bytes; this service accepts at most " + limit + " bytes")
                .withInstance(ctx.request().path())
                .withErrors(List.of(new Violation("$", "must be at most " + limit + " bytes")));
        // the unread body is not drained: the connection closes after the answer, as Quarkus' own check does
        RouteProblems.send(ctx, p);
    }
}
