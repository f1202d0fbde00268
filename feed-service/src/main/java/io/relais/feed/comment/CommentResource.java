package io.relais.feed.comment;

import io.relais.feed.reaction.ReactionRequest;
import io.relais.feed.reaction.ReactionService;
import io.relais.feed.threadview.CommentView;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Comments and replies on a post or a business-event card; the thread itself is read with the post. */
@Path("/api/posts/{postId}/comments")
@Tag(name = "comments", description = "Comments and replies, and reactions to them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommentResource {

    static final String EXAMPLE = "{\"id\":\"urn:relais:comment:019a8f31-0b7e-7f21-8c44-5d2a1e6f9b03\","
            + "\"post\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\",\"inReplyTo\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\","
            + "\"author\":{\"iri\":\"urn:relais:person:bob\",\"login\":\"bob\",\"displayName\":\"Bob Martin\"},"
            + "\"content\":\"<p>Bravo @alice !</p>\",\"mentions\":[\"urn:relais:person:alice\"],\"hashtags\":[],\"reactions\":{},"
            + "\"created\":\"2026-11-20T09:15:00Z\",\"can\":{\"edit\":true,\"delete\":true,\"moderate\":false,\"comment\":true,\"react\":true}}";

    @Inject
    CommentService comments;

    @Inject
    ReactionService reactions;

    @Inject
    CurrentPerson me;

    @POST
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Comment on a post or card, or reply to one of its comments (inReplyTo)")
    @APIResponse(responseCode = "201", content = @Content(examples = @ExampleObject(name = "comment", value = EXAMPLE)))
    public Response add(@PathParam("postId") String postId, @Valid @NotNull CommentRequests.AddComment request) {
        return Response.status(201).entity(comments.add(postId, request, me)).build();
    }

    @PUT
    @Path("/{commentId}")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Edit your comment")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "comment", value = EXAMPLE)))
    public CommentView edit(@PathParam("postId") String postId, @PathParam("commentId") String commentId,
                            @Valid @NotNull CommentRequests.EditComment request) {
        return comments.edit(postId, commentId, request, me);
    }

    @DELETE
    @Path("/{commentId}")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Delete a comment: its author, the community's owners and moderators, or an admin")
    public Response delete(@PathParam("postId") String postId, @PathParam("commentId") String commentId) {
        comments.delete(postId, commentId, me);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{commentId}/reactions/mine")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "React to a comment")
    public ReactionService.Reactions react(@PathParam("postId") String postId, @PathParam("commentId") String commentId,
                                           @Valid @NotNull ReactionRequest request) {
        return reactions.react(postId, commentId, request.kind(), me);
    }

    @DELETE
    @Path("/{commentId}/reactions/mine")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Take your reaction to a comment back")
    public ReactionService.Reactions unreact(@PathParam("postId") String postId, @PathParam("commentId") String commentId) {
        return reactions.unreact(postId, commentId, me);
    }

    @GET
    @Path("/{commentId}/reactions")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Counts and who reacted to a comment")
    public ReactionService.Reactions reactions(@PathParam("postId") String postId, @PathParam("commentId") String commentId) {
        return reactions.list(postId, commentId, me);
    }
}
