package io.relais.connector.delivery;

import io.relais.connector.source.SourceType;
import io.relais.connector.registration.RegistrationStore;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
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

@Path("/api/connectors/sources/{source}/stats")
@Tag(name = "operations", description = "Per-source counters (also at /q/metrics as relais_connector_events_total)")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    SourceStats stats;

    @Inject
    CurrentPerson caller;

    @Inject
    RegistrationStore registrations;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CONNECTOR})
    @Operation(summary = "Received, rejected, published, duplicate, dead-lettered and unavailable counts and the last error; "
            + "an administrator sees every client's of the source added up, a connector only its own, and only for the "
            + "sources it is registered for (404 otherwise)")
    public SourceStatsView get(@PathParam("source") String sourceId) {
        SourceType source = SourceType.of(sourceId);
        if (caller.isAdmin()) return stats.read(source);
        String clientId = caller.clientId().filter(c -> registrations.find(c).map(r -> r.mayPostAs(source.id())).orElse(false))
                .orElseThrow(() -> ProblemException.notFound("stats of source " + source.id()));
        // another system posting as the same source has its own counters: its volumes and errors are not this one's
        return stats.read(source, clientId);
    }
}
