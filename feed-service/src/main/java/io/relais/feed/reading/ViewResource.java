package io.relais.feed.reading;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/views}: the web says the reader opened an item. There is no read side: nobody is told who opened what. */
@Path("/api/views")
@Tag(name = "reading", description = "Opens of posts, announcements and business cards (counted for reach, never listed)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ViewResource {

    @Inject
    ViewService views;

    @Inject
    CurrentPerson me;

    @POST
    @RolesAllowed({Roles.EMPLOYEE, Roles.COMMUNITY_MANAGER, Roles.ADMIN})
    @Operation(summary = "Record that you opened a post, an announcement or a business card you can see (its thread, or a "
            + "card's document). The first open of an item per person and UTC day publishes an AS2 View, addressed to "
            + "nobody, which search-service counts for the reach of announcements and cards; opening it again the same day "
            + "changes nothing. No API lists who opened what.")
    @APIResponse(responseCode = "204", description = "recorded (or already recorded today)")
    @APIResponse(responseCode = "400", description = "problem+json naming the field: object (not the IRI of a post, announcement or card)")
    @APIResponse(responseCode = "404", description = "no such item, or you may not see it (nothing is recorded)")
    public void open(@Valid @NotNull ViewRequests.NewView request) {
        views.open(request.object(), me);
    }
}
