package io.relais.profile.governance;

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

/** The status resource of an erasure request ({@link ErasureRecord}): administrators only. */
@Path("/api/erasures")
@Tag(name = "governance")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureStatusResource {

    @Inject
    Erasures erasures;

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "What an erasure request did (administrators)")
    public ErasureRecord status(@PathParam("id") String id) {
        return erasures.status(id);
    }
}
