package io.relais.profile.governance;

import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Erasure on request: administrators only (everyone else 403), unknown person 404; a pending profile is erased too. */
@Path("/api/people/{login}/erasure")
@Tag(name = "governance", description = "Erasure of a person on request, data export")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    @Inject
    Erasures erasures;

    @Inject
    CurrentPerson me;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase a person (administrators)",
            description = "Erases the profile, photo, skills, endorsements and org-chart links here (their reports keep a "
                    + "manager-less profile) and publishes one Delete of the person on relais.profiles, which every other "
                    + "service applies asynchronously (posts, comments, reactions, follows, memberships, notifications, "
                    + "search index). 202 with a Location to the status resource; 404 for an unknown person. A profile "
                    + "only HR moves or leaves started (not a person yet, shown to no one) is erased the same way, with "
                    + "nothing published: state erased.")
    public Response erase(@PathParam("login") String login) {
        ErasureRecord r = erasures.erase(login, me.iri());
        return Response.accepted(r).location(URI.create("/api/erasures/" + r.id())).build();
    }
}
