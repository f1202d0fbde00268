package io.relais.feed.governance;

import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A community's retention rule: its owners and administrators read and set it. */
@Path("/api/communities/{slug}/retention")
@Tag(name = "governance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @Inject
    Retention retention;

    @Inject
    CurrentPerson me;

    /** The body of PUT: {@code retentionDays} (≥ 30, ≤ 36500) or null to keep content forever. */
    public record RetentionRequest(Integer retentionDays) {
    }

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "The community's retention rule and legal hold (owners, admins)")
    public Retention.View get(@PathParam("slug") String slug) {
        return retention.view(slug, me);
    }

    @PUT
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Set how many days content is kept (owners, admins)",
            description = "Posts and comments created more than retentionDays ago are deleted by the hourly retention job "
                    + "(a Delete on the log for each), unless an administrator placed a legal hold. At least 30 days; null "
                    + "keeps content forever. Written to the audit log.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a year", value = "{\"retentionDays\":365}")))
    public Retention.View set(@PathParam("slug") String slug, RetentionRequest request) {
        return retention.set(slug, request == null ? null : request.retentionDays(), me);
    }
}
