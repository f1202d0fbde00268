package io.relais.search.people;

import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import io.relais.search.index.SearchConfig;
import io.relais.search.query.QueryParams;
import io.relais.search.query.Viewers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/search/people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
public class PeopleResource {

    @Inject
    PeopleSearch people;

    @Inject
    Viewers viewers;

    @Inject
    CurrentPerson person;

    @Inject
    SearchConfig config;

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Find colleagues and experts",
            description = "Matches name, job title, department, skills and bio; also lists who writes most about the "
                    + "topic in the posts and comments the caller may see.")
    public PeoplePage find(
            @Parameter(description = "Words, \"phrases\", prefix*", example = "kubernetes") @QueryParam("q") String q,
            @Parameter(description = "1 to 50 (default 20)", example = "10") @QueryParam("limit") String limit) {
        int n = QueryParams.limit(limit, "limit", 20, config.maxLimit());
        return people.find(QueryParams.text(q), n, viewers.of(person));
    }
}
