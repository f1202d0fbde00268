package io.relais.connector.receipt;

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

import java.util.Optional;

@Path("/api/connectors/receipts")
@Tag(name = "receipts", description = "Delivery status of business events")
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptResource {

    @Inject
    ReceiptStore receipts;

    @Inject
    CurrentPerson caller;

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CONNECTOR, Roles.ADMIN})
    @Operation(summary = "A receipt by id (<source>:<eventId>): accepted, published, failed, rejected (with reason) or dead-lettered. "
            + "A connector sees its own receipts only (<source>:<eventId> is its own even when another system of the "
            + "source used that event id first); others answer 404. An administrator reads the receipt stored under the id.")
    public Receipt get(@PathParam("id") String id) {
        Optional<Receipt> found = caller.clientId().filter(c -> !caller.isAdmin())
                .map(c -> receipts.findOwn(id, c)).orElseGet(() -> caller.isAdmin() ? receipts.find(id) : Optional.empty());
        return found.orElseThrow(() -> ProblemException.notFound("receipt " + id));
    }
}
