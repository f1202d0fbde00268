package io.relais.web.services;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** profile-service as the web app uses it. */
@RegisterRestClient(configKey = "profile")
@RegisterClientHeaders(UserToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ProfileApi {

    @GET
    @Path("/api/people/{login}")
    JsonNode person(@PathParam("login") String login);

    @PUT
    @Path("/api/people/me")
    JsonNode editMe(JsonNode request);

    @GET
    @Path("/api/people/{login}/org-chart")
    JsonNode orgChart(@PathParam("login") String login);

    @POST
    @Path("/api/people/{login}/skills/{skill}/endorsements")
    JsonNode endorse(@PathParam("login") String login, @PathParam("skill") String skill);

    @GET
    @Path("/api/people")
    JsonNode directory(@QueryParam("q") String query, @QueryParam("skill") String skill);
}
