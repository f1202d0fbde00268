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
            + "a connector sees only the sources it is registered for")
    public SourceStatsView get(@PathParam("source") String sourceId) {
        SourceType source = SourceType.of(sourceId);
        if (!caller.isAdmin()) {
            boolean mine = caller.clientId().flatMap(registrations::find).map(r -> r.mayPostAs(source.id())).orElse(false);
            if (!mine) throw ProblemException.notFound("stats of source " + source.id());
        }
        return stats.read(source);
    }
}
