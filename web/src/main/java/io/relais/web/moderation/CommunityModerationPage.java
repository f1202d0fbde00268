package io.relais.web.moderation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A community's moderation queue ({@code /communities/{slug}/moderation}) for its owners and moderators (and the
 * community managers and admins feed-service lets in); decisions go to {@code POST /moderation/actions}.
 */
@Path("/communities/{slug}/moderation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "community-manager", "admin"})
public class CommunityModerationPage {

    @Inject
    ModerationQueues queues;

    @GET
    public Response queue(@PathParam("slug") String slug, @QueryParam("state") String state, @QueryParam("done") String done) {
        return queues.page(slug, state, done);
    }
}
