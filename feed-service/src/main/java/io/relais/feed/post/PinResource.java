package io.relais.feed.post;

import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Pinning a post in its community, under the community's path. It lives with posts (not in
 * {@code community/}) because it changes a post, so communities never depend on posts.
 */
@Path("/api/communities/{slug}/pins/{postId}")
@Tag(name = "communities", description = "Communities, memberships, requests, invitations, pins")
@Produces(MediaType.APPLICATION_JSON)
public class PinResource {

    @Inject
    PostService posts;

    @Inject
    CurrentPerson me;

    @POST
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Pin a post of this community (owners)", description = "At most 10 pinned posts still standing"
            + " (pins of deleted posts do not count): 409 beyond. 403 for others than owners; 404 for a post the owner cannot"
            + " read or that is not in this community; 409 while the community is archived (its pins are frozen with it).")
    public Response pin(@PathParam("slug") String slug, @PathParam("postId") String postId) {
        posts.pin(slug, postId, true, me);
        return Response.noContent().build();
    }

    @DELETE
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Unpin a post (owners)", description = "A post the community's pins hold is unpinned whatever"
            + " became of it (deleted, hidden by a moderator). 403 for others than owners; 404 for a post neither pinned"
            + " here nor readable by the owner in this community; 409 while the community is archived (deleting a post still"
            + " takes it out of the pins).")
    public Response unpin(@PathParam("slug") String slug, @PathParam("postId") String postId) {
        posts.pin(slug, postId, false, me);
        return Response.noContent().build();
    }
}
