package io.relais.web.live;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.relais.web.services.FeedApi;
import io.relais.web.services.LiveApi;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.SseEvent;
import org.jboss.logging.Logger;


/**
 * The page's EventSources: relays feed-service's live stream (new items for my feed, my notifications), and the
 * stream of a thread open on the page, on the web app's own origin, with my token added server-side. Already filtered by feed-service with
 * the audience rule; the web app passes events through unchanged.
 */
@Path("/live")
public class LiveRelay {

    private static final Logger LOG = Logger.getLogger(LiveRelay.class);

    @Inject
    SecurityIdentity identity;

    @Inject
    @RestClient
    LiveApi live;

    @Inject
    @RestClient
    FeedApi feed;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({"employee", "admin"})
    public Multi<OutboundSseEvent> relay(@Context Sse sse) {
        return relayed(live.stream(bearer()), sse);
    }

    /**
     * The stream of one open thread (feed-service {@code GET /api/live/threads/{postId}}): {@code comment} events
     * ({@code created}, {@code edited}, {@code deleted}) for everyone who has the thread open, on which the page reloads
     * the thread's comments. A thread the person may not see (or no longer exists) is a 404 before any stream: an
     * EventSource answered anything but 200 stops for good (HTML's rule), where an empty 200 stream made it reconnect
     * every few seconds for as long as the page stayed open. A thread that cannot be checked now (feed-service down) is
     * relayed as before: its stream ends and the browser tries again later.
     */
    @GET
    @Path("threads/{postId}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({"employee", "admin"})
    @Blocking
    public Multi<OutboundSseEvent> thread(@PathParam("postId") String postId, @Context Sse sse) {
        try {
            feed.thread(postId, null, 1);
        } catch (ClientWebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status == 404 || status == 403) {
                throw new WebApplicationException(Response.status(404).build());
            }
        } catch (RuntimeException unavailable) {
            LOG.debugf("thread %s not checked before its stream: %s", postId, unavailable.getMessage());
        }
        return relayed(live.thread(postId, bearer()), sse);
    }

    private String bearer() {
        return "Bearer " + identity.getCredential(AccessTokenCredential.class).getToken();
    }

    private static Multi<OutboundSseEvent> relayed(Multi<SseEvent<String>> upstream, Sse sse) {
        return upstream
                .map(e -> forBrowser(e, sse))
                // the browser's EventSource reconnects on its own when the stream ends
                .onFailure().invoke(failure -> LOG.debugf("live stream ended: %s", failure.getMessage()))
                .onFailure().recoverWithCompletion();
    }

    /**
     * One upstream event as the browser gets it: only the fields HTML's server-sent events define. An {@code id:} is
     * written only when feed-service gave one — an empty {@code id:} line, which every event carried, resets the
     * browser's Last-Event-ID — and a comment alone (feed-service's {@code : heartbeat}) stays a comment, where it was
     * an empty {@code message} event.
     */
    static OutboundSseEvent forBrowser(SseEvent<String> e, Sse sse) {
        boolean noData = e.data() == null || e.data().isEmpty();
        if (noData && e.comment() != null && (e.name() == null || e.name().isBlank())) {
            return sse.newEventBuilder().comment(e.comment()).build();
        }
        OutboundSseEvent.Builder event = sse.newEventBuilder()
                .name(e.name() == null || e.name().isBlank() ? "message" : e.name())
                .data(noData ? "" : e.data());
        if (e.id() != null && !e.id().isBlank()) {
            event.id(e.id());
        }
        return event.build();
    }
}
