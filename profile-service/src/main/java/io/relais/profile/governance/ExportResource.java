package io.relais.profile.governance;

import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's data export as a zip: {@code /api/people/me/export} for oneself, any login for an administrator. */
@Path("/api/people/{login}/export")
@Tag(name = "governance")
public class ExportResource {

    public static final String ZIP = "application/zip";

    @Inject
    DataExport export;

    @Inject
    CurrentPerson me;

    @GET
    @Produces({ZIP, "application/problem+json"})
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Download a person's data: 'me' for yourself; an administrator for anyone (others 403)",
            description = "application/zip with profile.json (the profile, the endorsements given), the photo if any, and "
                    + "content.json from feed-service (posts and comments with their Markdown source, reactions, "
                    + "memberships, follows). Content-Disposition names the file relais-export-<login>-<date>.zip.")
    public Response download(@PathParam("login") String login) {
        DataExport.Archive archive = export.of(login, me);
        StreamingOutput body = archive::writeTo;
        return Response.ok(body, ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + archive.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
