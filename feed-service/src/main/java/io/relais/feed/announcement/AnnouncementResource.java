package io.relais.feed.announcement;

import io.relais.feed.community.MembershipService;
import io.relais.feed.post.PostRequests;
import io.relais.feed.threadview.PostView;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/announcements")
@Tag(name = "announcements", description = "Organisation-wide announcements pinned on home feeds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnnouncementResource {

    @Inject
    AnnouncementService announcements;

    @Inject
    MembershipService memberships;

    @Inject
    CurrentPerson me;

    @POST
    @RolesAllowed(Roles.COMMUNITY_MANAGER)
    @Operation(summary = "Publish an announcement to the whole organisation (community managers); expires after 14 days by default, 90 at most")
    public Response publish(@Valid @NotNull PostRequests.CreateAnnouncement request) {
        return Response.status(201).entity(announcements.publish(request, me)).build();
    }

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Active announcements you have not dismissed, newest first")
    public List<PostView> active() {
        return announcements.activeFor(memberships.viewerOf(me), me.iri());
    }

    @POST
    @Path("/{id}/dismiss")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Dismiss an announcement: it leaves your home feed")
    public Response dismiss(@PathParam("id") String id) {
        announcements.dismiss(id, me, memberships.viewerOf(me));
        return Response.noContent().build();
    }
}
