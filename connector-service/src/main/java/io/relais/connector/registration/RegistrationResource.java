package io.relais.connector.registration;

import io.relais.events.TextHygiene;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/api/connectors")
@Tag(name = "registrations", description = "Which business system may post as which source")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    @Inject
    RegistrationStore store;

    @Inject
    CurrentPerson caller;

    @GET
    @Path("/me")
    @RolesAllowed(Roles.CONNECTOR)
    @Operation(summary = "The calling client's registration: the sources it may post as and its default audience")
    public RegistrationView me() {
        return RegistrationView.of(registrationOfCaller(caller, store));
    }

    @GET
    @Path("/registrations")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Every registered business system")
    public List<RegistrationView> list() {
        return store.all().stream().map(RegistrationView::of).toList();
    }

    @GET
    @Path("/registrations/{clientId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One client's registration")
    public RegistrationView get(@PathParam("clientId") String clientId) {
        return store.find(clientId).map(RegistrationView::of)
                .orElseThrow(() -> ProblemException.notFound("registration " + clientId));
    }

    /**
     * Creates or replaces a client's registration: 201 when created, 200 when replaced, with the registration as
     * stored. Duplicate sources and communities are kept once. 400 problem+json naming the field for a bad client id,
     * a source outside hr, crm, ecm, generic, a malformed audience, system or people matching, a system name with no
     * text, more than {@value Registration#MAX_COMMUNITIES} communities or a malformed community slug
     * ({@code communities[i]…}).
     */
    @PUT
    @Path("/registrations/{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace a client's registration (201 when created, 200 when replaced)",
            description = "communities lists the private and secret communities the system may address (slugs); a "
                    + "listed slug need not exist yet, and listing one tells nothing about it. 400 problem+json naming "
                    + "the field (communities[i]…) for a malformed value.")
    public Response put(@PathParam("clientId") String clientId, @Valid @NotNull RegistrationRequest request) {
        if (!clientId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw ProblemException.invalid("clientId", "must be a Keycloak client id (letters, digits, . _ -)");
        }
        // the system's name is shown on every card it sends, as text like every other name (pages escape it):
        // "R&D <Labs>" is a name, not markup; what is not text at all (control, bidi, zero-width) is cleaned away
        String systemName = TextHygiene.line(request.systemName()).trim();
        if (systemName.isEmpty()) {
            throw ProblemException.invalid("systemName", "must contain some text");
        }
        List<String> communities = request.communities() == null ? List.of() : request.communities().stream().distinct().toList();
        Registration r = new Registration(clientId, request.sources().stream().distinct().toList(),
                AudienceSpec.parse(request.defaultAudience()), request.system(), systemName,
                PeopleMatch.of(request.people()), communities, Instant.now());
        boolean created = store.save(r);
        return Response.status(created ? 201 : 200).entity(RegistrationView.of(r)).build();
    }

    @DELETE
    @Path("/registrations/{clientId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a client's registration: it can no longer post")
    public Response delete(@PathParam("clientId") String clientId) {
        if (!store.delete(clientId)) throw ProblemException.notFound("registration " + clientId);
        return Response.noContent().build();
    }

    /** The caller's registration, or 403: a token of a client nobody registered may not post anything. */
    public static Registration registrationOfCaller(CurrentPerson caller, RegistrationStore store) {
        String clientId = caller.clientId()
                .orElseThrow(() -> ProblemException.forbidden("the token names no client (azp)"));
        return store.find(clientId).orElseThrow(() -> ProblemException.forbidden(
                "client " + clientId + " is not registered as a connector; an admin registers it with PUT /api/connectors/registrations/" + clientId));
    }
}
