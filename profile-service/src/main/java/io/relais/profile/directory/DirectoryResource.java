package io.relais.profile.directory;

import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

@Path("/api/people")
@Tag(name = "directory", description = "Find people by department, location and skill")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    @Inject
    Directory directory;

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Active people, by login, filtered by every facet given; pass 'next' back as cursor")
    public Directory.Page list(@QueryParam("department") String department, @QueryParam("location") String location,
                               @QueryParam("skill") String skill, @QueryParam("cursor") String cursor,
                               @QueryParam("limit") Integer limit) {
        List<String> facets = new ArrayList<>();
        if (department != null && !department.isBlank()) facets.add(DirectoryIndex.facet("department", department));
        if (location != null && !location.isBlank()) facets.add(DirectoryIndex.facet("location", location));
        if (skill != null && !skill.isBlank()) facets.add(DirectoryIndex.facet("skill", skill));
        return directory.list(facets, cursor, limit);
    }
}
