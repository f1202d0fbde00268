package io.relais.search.rebuild;

import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/search/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search administration")
public class RebuildResource {

    @Inject
    Rebuild rebuild;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild the index from the topics",
            description = "Replays relais.activities and relais.profiles from the beginning into a new index, then "
                    + "switches to it atomically. Searches keep working on the current index meanwhile.")
    @APIResponse(responseCode = "202", description = "Started; follow progress with GET")
    @APIResponse(responseCode = "409", description = "A rebuild is already running")
    public Response start() {
        if (!rebuild.start()) {
            throw ProblemException.conflict("a rebuild is already running (" + rebuild.status().done() + " of "
                    + rebuild.status().total() + " records done)");
        }
        return Response.accepted(rebuild.status()).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Progress of the latest rebuild (records done / total)")
    public RebuildStatus status() {
        return rebuild.status();
    }
}
