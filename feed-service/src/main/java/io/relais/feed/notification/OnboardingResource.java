package io.relais.feed.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/**
 * Whether I dismissed the welcome (onboarding) panel, kept by feed-service with my notification settings so it
 * stays dismissed on every browser and device, after logout and login.
 */
@Path("/api/me/onboarding")
@Tag(name = "notifications", description = "My notifications and their settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
public class OnboardingResource {

    static final String EXAMPLE = "{\"dismissed\":true,\"dismissedAt\":\"2026-11-30T09:00:00Z\"}";

    @Inject
    NotificationStore store;

    @Inject
    CurrentPerson me;

    /**
     * The onboarding state.
     *
     * @param dismissed   whether the welcome panel was dismissed
     * @param dismissedAt when; absent while it is shown
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Onboarding(Boolean dismissed, Instant dismissedAt) {
    }

    @GET
    @Operation(summary = "Whether I dismissed the welcome panel")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "dismissed", value = EXAMPLE)))
    public Onboarding get() {
        Instant at = store.onboardingDismissed(me.iri()).orElse(null);
        return new Onboarding(at != null, at);
    }

    @PUT
    @Operation(summary = "Dismiss the welcome panel ({\"dismissed\":true}) or show it again ({\"dismissed\":false})")
    @RequestBody(required = true, content = @Content(examples = @ExampleObject(name = "dismiss", value = "{\"dismissed\":true}")))
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "dismissed", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "problem+json naming 'dismissed' when it is missing")
    public Onboarding put(Onboarding request) {
        if (request == null || request.dismissed() == null) throw ProblemException.invalid("dismissed", "is required: true or false");
        Instant at = request.dismissed() ? store.onboardingDismissed(me.iri()).orElse(Instant.now()) : null;
        store.setOnboardingDismissed(me.iri(), at);
        return new Onboarding(at != null, at);
    }
}
