package io.relais.feed.live;

import io.relais.feed.community.MembershipService;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.ThreadAccess;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

@Path("/api/live")
@Tag(name = "live", description = "Server-sent events: new home-feed items and notifications as they happen; the comments of an open thread")
public class LiveResource {

    @Inject
    LiveHub hub;

    @Inject
    CurrentPerson me;

    @Inject
    ThreadAccess access;

    @Inject
    MembershipService memberships;

    /** The bearer token the stream is opened with: the stream lasts as long as it is valid. */
    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "My live stream", description = "Events: ready (once, on connect), feed-item (a new post "
            + "or card for my home feed), feed-item-removed ({id}: a post or card my audience admits was deleted or "
            + "hidden from me by moderation, so an open page drops it), feed-item-updated ({id}: a post or card I "
            + "still see changed — an edit, its link preview, its system's update — so an open page reads it again), notification (a new notification, once stored and counted), "
            + "notifications-taken-back ({ids, unread}: notifications that left my list — their post or comment was "
            + "deleted or hidden, an edit dropped the mention, a reaction was taken back, the person who caused them was "
            + "erased — and my unread count now), notifications-shown-again ({notifications, unread}: notifications back "
            + "in my list — a moderator restored their post or comment — "
            + "each as GET /api/notifications lists it, with its original id and time, and my unread count now). "
            + "A ': heartbeat' comment every ~20 s. Only what the audience rule lets me see.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, examples = @ExampleObject(
            name = "stream", value = """
                    event: ready
                    data: {}

                    event: feed-item
                    data: {"postId":"urn:relais:post:019b...","reasons":["follows-author"],"post":{"id":"urn:relais:post:019b...","content":"<p>Bonjour</p>"}}

                    event: feed-item-removed
                    data: {"id":"urn:relais:post:019b..."}

                    event: feed-item-updated
                    data: {"id":"urn:relais:post:019b..."}

                    event: notification
                    data: {"id":"20414.019b...","kind":"mention","actor":{"login":"bob"},"object":"urn:relais:post:019b...","read":false}

                    event: notifications-taken-back
                    data: {"ids":["20414.019b..."],"unread":2}

                    event: notifications-shown-again
                    data: {"notifications":[{"id":"20414.019b...","kind":"mention","actor":{"login":"bob"},"object":"urn:relais:comment:019c...","post":"urn:relais:post:019b...","at":"2026-11-20T09:15:00Z","read":false}],"unread":3}

                    : heartbeat
                    """)))
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        hub.connect(me.iri(), sink, sse, expiry());
    }

    @GET
    @Path("/threads/{postId}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "A thread's live stream, for everyone who has it open",
            description = "Events: ready (once, on connect), comment ({action: created | edited | deleted, post, id, comment}) "
            + "for every comment of the thread, as I would see it on reload: a comment moderation hides from me comes as "
            + "deleted. A ': heartbeat' comment every ~20 s. 404 (problem+json) when I may not see the post, like the "
            + "thread itself; the stream goes quiet if I lose access later.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, examples = @ExampleObject(
            name = "stream", value = """
                    event: ready
                    data: {}

                    event: comment
                    data: {"action":"created","post":"urn:relais:post:019b...","id":"urn:relais:comment:019c...","comment":{"id":"urn:relais:comment:019c...","content":"<p>Bonne idée</p>"}}

                    event: comment
                    data: {"action":"deleted","post":"urn:relais:post:019b...","id":"urn:relais:comment:019c..."}
                    """)))
    @APIResponse(responseCode = "404", description = "problem+json: no such post, or one I may not see")
    public void thread(@PathParam("postId") String postId, @Context SseEventSink sink, @Context Sse sse) {
        Post post = access.visiblePost(ThreadAccess.postIri(postId), memberships.viewerOf(me));
        hub.connectThread(post.iri(), me.iri(), sink, sse, expiry());
    }

    /** When the caller's token expires ({@code exp}, seconds since the epoch). */
    private Instant expiry() {
        return Instant.ofEpochSecond(token.getExpirationTime());
    }
}
