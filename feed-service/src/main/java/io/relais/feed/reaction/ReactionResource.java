package io.relais.feed.reaction;

import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reactions to posts; reactions to comments are under the comment's path. */
@Path("/api/posts/{postId}/reactions")
@Tag(name = "reactions", description = "like, celebrate, insightful, support")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReactionResource {

    static final String EXAMPLE = "{\"object\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\",\"counts\":{\"like\":3,\"celebrate\":1},"
            + "\"mine\":\"celebrate\",\"people\":[]}";

    @Inject
    ReactionService reactions;

    @Inject
    CurrentPerson me;

    @PUT
    @Path("/mine")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "React to a post (same kind again changes nothing; another kind replaces yours)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "reactions", value = EXAMPLE)))
    public ReactionService.Reactions react(@PathParam("postId") String postId, @Valid @NotNull ReactionRequest request) {
        return reactions.react(postId, null, request.kind(), me);
    }

    @DELETE
    @Path("/mine")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Take your reaction back")
    public ReactionService.Reactions unreact(@PathParam("postId") String postId) {
        return reactions.unreact(postId, null, me);
    }

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Counts and who reacted (only if you may see the post)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "reactions", value = EXAMPLE)))
    public ReactionService.Reactions list(@PathParam("postId") String postId) {
        return reactions.list(postId, null, me);
    }
}
