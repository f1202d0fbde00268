package io.relais.feed.activity;

import io.relais.events.Activity;
import io.relais.events.AudienceRule;
import io.relais.events.Iri;
import io.relais.feed.community.MembershipService;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/activities")
@Tag(name = "activities", description = "Raw AS2 activities from the log of record")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @Inject
    ActivityLog log;

    @Inject
    CurrentPerson me;

    @Inject
    MembershipService memberships;

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "One activity as AS2 JSON, if your audience rules let you see it (404 otherwise)")
    public Activity get(@PathParam("id") String id) {
        String iri = id.startsWith(Iri.PREFIX) ? id : Iri.of(Iri.ACTIVITY, id);
        // the reader's communities count: a member of a private or secret community sees its activities
        return log.find(iri)
                .filter(a -> AudienceRule.canSee(memberships.viewerOf(me), a))
                .orElseThrow(() -> ProblemException.notFound("activity " + id));
    }
}
