package io.relais.connector.replay;

import io.relais.connector.delivery.DeadLetter;
import io.relais.connector.delivery.DeadLetters;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

/**
 * The administrator's view of dead letters (accepted events whose mapping failed, kept by delivery) and
 * their replay through ingestion: it sits above both, so neither needs the other's API.
 */
@Path("/api/connectors/dead-letters")
@Tag(name = "dead letters", description = "Accepted events whose mapping failed, and their replay")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    EventReplay replay;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Open dead letters, newest first (optionally of one source; replayed=true includes replayed ones)")
    public List<DeadLetter> list(@QueryParam("source") String source, @QueryParam("replayed") @DefaultValue("false") boolean replayed,
                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 500) throw ProblemException.invalid("limit", "must be between 1 and 500");
        return deadLetters.list(Optional.ofNullable(source), replayed, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One dead letter by receipt id")
    public DeadLetter get(@PathParam("id") String id) {
        return deadLetters.find(id).orElseThrow(() -> ProblemException.notFound("dead letter " + id));
    }

    @POST
    @Path("/{id}/replay")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Map the event again with the current templates and publish it: 200 with the receipt now "
            + "published; 409 when the mapping still fails (the letter stays, with the new reason); 503 when Kafka is unavailable")
    public Response replay(@PathParam("id") String id) {
        return Response.ok(replay.replay(id)).build();
    }
}
