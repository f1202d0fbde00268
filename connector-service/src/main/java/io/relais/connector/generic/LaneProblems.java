package io.relais.connector.generic;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.relais.events.Violation;
import io.relais.kit.error.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * A lane refusal as RFC 9457 problem+json: 403, with the extension member {@code rule} naming the rule broken
 * (e.g. {@code "a connector may not assert memberships"}) and {@code errors} naming the field that asserts it.
 */
public class LaneProblems {

    /** The problem body: the standard members plus {@code rule}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record LaneProblem(String type, String title, int status, String detail, String instance, String rule,
                              List<Violation> errors) {
    }

    @ServerExceptionMapper
    public Response refused(LaneRefusedException e, UriInfo uri) {
        LaneRefusal r = e.refusal();
        LaneProblem body = new LaneProblem(Problem.TYPE_BASE + "connector-lane", "Not the connector's to assert", 403,
                r.message(), uri.getPath(), r.lane().rule(), List.of(new Violation(r.field(), r.message())));
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
