package io.relais.feed.moderation;

import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/reports")
@Tag(name = "moderation", description = "Reports, moderation queues and decisions, keyword rules, audit log")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {

    static final String REPORT_EXAMPLE = "{\"object\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\",\"reason\":\"off-topic\","
            + "\"comment\":\"Annonce commerciale sans rapport avec la communauté\",\"created\":\"2026-11-30T10:02:00Z\",\"status\":\"open\"}";

    @Inject
    ReportService reports;

    @Inject
    CurrentPerson me;

    @POST
    @RolesAllowed({Roles.EMPLOYEE, Roles.COMMUNITY_MANAGER, Roles.ADMIN})
    @Operation(summary = "Report a post or comment you can see to its moderators (publishes an AS2 Flag); "
            + "reporting the same object again is the same report")
    @APIResponse(responseCode = "201", description = "reported", content = @Content(examples = @ExampleObject(name = "report", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "you had already reported it: your first report, unchanged",
            content = @Content(examples = @ExampleObject(name = "report", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "problem+json naming the field: object (not a post or comment IRI), reason, comment (over 500 characters)")
    @APIResponse(responseCode = "404", description = "no such post or comment, or you may not see it")
    public Response report(@Valid @NotNull ModerationRequests.NewReport request) {
        ReportService.Outcome outcome = reports.report(request, me);
        return Response.status(outcome.created() ? 201 : 200).entity(outcome.report()).build();
    }
}
