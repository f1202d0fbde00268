package io.relais.profile.governance;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * feed-service's content export of a person ({@code GET /api/exports/people/{login}}), called with the caller's own
 * token: feed-service decides itself whether the caller may read it (the person, or an administrator). The answer
 * is kept as the JSON text feed-service wrote (it becomes {@code content.json} unchanged).
 */
@RegisterRestClient(configKey = "feed")
@Path("/api/exports/people/{login}")
public interface FeedContent {

    /**
     * @param authorization {@code Bearer <the caller's access token>}
     * @throws jakarta.ws.rs.WebApplicationException with feed-service's status when it refuses
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    String content(@PathParam("login") String login, @HeaderParam("Authorization") String authorization);
}
