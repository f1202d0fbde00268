package io.relais.web.services;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    /** Only the fields present change; HR-owned ones are refused, naming them. */
    @PATCH
    @Path("/api/people/me")
    JsonNode editMe(JsonNode changes);

    @PUT
    @Path("/api/people/me/photo")
    @Consumes(MediaType.WILDCARD)
    JsonNode uploadPhoto(byte[] image, @jakarta.ws.rs.HeaderParam("Content-Type") String mediaType);

    /**
     * A person's photo; with {@code ifNoneMatch} (the ETag the browser holds, or null) profile-service answers 304 with
     * no image while that photo is still theirs, 404 once they have none or were erased.
     */
    @GET
    @Path("/api/people/{login}/photo")
    @Produces(MediaType.WILDCARD)
    Response photo(@PathParam("login") String login, @jakarta.ws.rs.HeaderParam("If-None-Match") String ifNoneMatch);

    /**
     * A person's data export (a zip from profile-service, with content.json from feed-service); the web asks only for
     * the signed-in person's own ({@code /api/people/me/export} is the same operation with login {@code me}).
     */
    @GET
    @Path("/api/people/{login}/export")
    @Produces("application/zip")
    Response export(@PathParam("login") String login);

    @GET
    @Path("/api/people/{login}/manager-chain")
    JsonNode managerChain(@PathParam("login") String login);

    @GET
    @Path("/api/people/{login}/reports")
    JsonNode reports(@PathParam("login") String login);

    @PUT
    @Path("/api/people/{login}/skills/{skill}/endorsements/mine")
    JsonNode endorse(@PathParam("login") String login, @PathParam("skill") String skill);

    @DELETE
    @Path("/api/people/{login}/skills/{skill}/endorsements/mine")
    JsonNode withdrawEndorsement(@PathParam("login") String login, @PathParam("skill") String skill);

    /** {@code {items: [card], next}} */
    @GET
    @Path("/api/people")
    JsonNode directory(@QueryParam("department") String department, @QueryParam("skill") String skill,
                       @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("/api/expertise")
    JsonNode whoKnows(@QueryParam("skill") String skill, @QueryParam("limit") int limit);
}
