package io.relais.web.services;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * feed-service's live stream. The token is passed explicitly: the stream outlives the request that
 * opened it, so it cannot be read from the request later.
 */
@RegisterRestClient(configKey = "live")
public interface LiveApi {

    @GET
    @Path("/api/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> stream(@HeaderParam("Authorization") String bearer);

    /** One thread's stream ({@code ready}, {@code comment}); fails with 404 when the person may not see the post. */
    @GET
    @Path("/api/live/threads/{postId}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> thread(@PathParam("postId") String postId, @HeaderParam("Authorization") String bearer);
}
