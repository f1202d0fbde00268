package io.relais.profile.directory;

import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/departments")
@Tag(name = "org chart")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {

    @Inject
    Directory directory;

    @GET
    @Path("/{name}/members")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Active members of a department (name compared without case), paged like the directory")
    public Directory.Page members(@PathParam("name") String name, @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") Integer limit) {
        return directory.list(List.of(DirectoryIndex.facet("department", name)), cursor, limit);
    }
}
