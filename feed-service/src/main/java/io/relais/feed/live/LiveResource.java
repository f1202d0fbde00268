package io.relais.feed.live;

import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/live")
@Tag(name = "live", description = "Server-sent events: new home-feed items and notifications as they happen")
public class LiveResource {

    @Inject
    LiveHub hub;

    @Inject
    CurrentPerson me;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "My live stream", description = "Events: ready (once, on connect), feed-item (a new post "
            + "or card for my home feed), notification (a new notification). A ': heartbeat' comment every ~20 s. "
            + "Only what the audience rule lets me see.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, examples = @ExampleObject(
            name = "stream", value = """
                    event: ready
                    data: {}

                    event: feed-item
                    data: {"postId":"urn:relais:post:019b...","reasons":["follows-author"],"post":{"id":"urn:relais:post:019b...","content":"<p>Bonjour</p>"}}

                    event: notification
                    data: {"id":"20414.019b...","kind":"mention","actor":{"login":"bob"},"object":"urn:relais:post:019b...","read":false}

                    : heartbeat
                    """)))
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        hub.connect(me.iri(), sink, sse);
    }
}
