package io.relais.kit.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes a {@link Problem} as the whole answer of a Vert.x route, for refusals made before RESTEasy (and so
 * {@link ProblemMappers}) sees the request: the same problem+json body, with {@code Connection: close} because
 * such a request is refused unread, as Vert.x and Quarkus close after their own refusals.
 */
final class RouteProblems {

    // a plain mapper: the application's one may be customised for request bodies, a Problem needs none of it
    private static final ObjectMapper JSON = new ObjectMapper();

    private RouteProblems() {
    }

    static void send(RoutingContext ctx, Problem p) {
        String body;
        try {
            body = JSON.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + p.status() + "}";
        }
        RefusalLog.remember(ctx, p);
        ctx.response().setStatusCode(p.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }
}
