package io.relais.web.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meter {@code relais.live.connections} ({@code relais_live_connections}): live streams ({@code /live} and the open threads' {@code /live/threads/{id}}, each relaying one feed-service stream)
 * open on this replica right now, counted at the HTTP layer from request to the end of its response, so a stream
 * is counted as long as the connection lasts whatever happens upstream.
 */
@ApplicationScoped
public class LiveConnectionsMeter {

    public static final String METER = "relais.live.connections";

    private final AtomicInteger open = new AtomicInteger();

    void count(@Observes Router router, MeterRegistry registry) {
        Gauge.builder(METER, open, AtomicInteger::get).description("live streams open on this replica").register(registry);
        for (String path : new String[]{"/live", "/live/threads/*"}) {
            router.route(path).order(-100).handler(rc -> {
                open.incrementAndGet();
                rc.addEndHandler(done -> open.decrementAndGet());
                rc.next();
            });
        }
    }
}
