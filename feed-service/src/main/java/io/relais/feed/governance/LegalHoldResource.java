package io.relais.feed.governance;

import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** A legal hold on a community: administrators place and lift it; while it stands, retention deletes nothing there. */
@Path("/api/communities/{slug}/legal-hold")
@Tag(name = "governance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LegalHoldResource {

    @Inject
    Retention retention;

    @Inject
    CurrentPerson me;

    /** The body of PUT: why the content must be kept (required, one line, ≤ 500 characters). */
    public record HoldRequest(String reason) {
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Place a legal hold (admins): retention stops deleting in this community; audited")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "litigation", value = "{\"reason\":\"Litige fournisseur 2026-114\"}")))
    public Retention.View hold(@PathParam("slug") String slug, HoldRequest request) {
        return retention.hold(slug, request == null ? null : request.reason(), me);
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Lift the legal hold (admins); audited")
    public Retention.View lift(@PathParam("slug") String slug) {
        return retention.lift(slug, me);
    }
}
