package io.relais.web.services;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/**
 * feed-service as the web app uses it. Answers are kept as JSON trees: pages read the fields they
 * show, so a field added by the service never breaks a page.
 */
@RegisterRestClient(configKey = "feed")
@RegisterClientHeaders(UserToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface FeedApi {

    @GET
    @Path("/api/feed/home")
    JsonNode home(@QueryParam("order") String order, @QueryParam("cursor") String cursor,
                  @QueryParam("limit") int limit);

    @GET
    @Path("/api/posts/{id}")
    JsonNode post(@PathParam("id") String id);

    @POST
    @Path("/api/posts")
    JsonNode createPost(JsonNode request);

    @PUT
    @Path("/api/posts/{id}")
    JsonNode editPost(@PathParam("id") String id, JsonNode request);

    @DELETE
    @Path("/api/posts/{id}")
    void deletePost(@PathParam("id") String id);

    @PUT
    @Path("/api/posts/{id}/reaction")
    JsonNode react(@PathParam("id") String id, JsonNode request);

    @DELETE
    @Path("/api/posts/{id}/reaction")
    JsonNode unreact(@PathParam("id") String id);

    @GET
    @Path("/api/posts/{id}/comments")
    JsonNode comments(@PathParam("id") String id, @QueryParam("cursor") String cursor);

    @POST
    @Path("/api/posts/{id}/comments")
    JsonNode comment(@PathParam("id") String id, JsonNode request);

    @GET
    @Path("/api/communities")
    JsonNode communities(@QueryParam("q") String query, @QueryParam("mine") Boolean mine);

    @POST
    @Path("/api/communities")
    JsonNode createCommunity(JsonNode request);

    @GET
    @Path("/api/communities/{slug}")
    JsonNode community(@PathParam("slug") String slug);

    @GET
    @Path("/api/communities/{slug}/feed")
    JsonNode communityFeed(@PathParam("slug") String slug, @QueryParam("cursor") String cursor,
                           @QueryParam("limit") int limit);

    @GET
    @Path("/api/communities/{slug}/members")
    JsonNode members(@PathParam("slug") String slug);

    @POST
    @Path("/api/communities/{slug}/join")
    JsonNode join(@PathParam("slug") String slug);

    @POST
    @Path("/api/communities/{slug}/leave")
    JsonNode leave(@PathParam("slug") String slug);

    @GET
    @Path("/api/communities/{slug}/requests")
    JsonNode joinRequests(@PathParam("slug") String slug);

    @POST
    @Path("/api/communities/{slug}/requests/{login}/approve")
    JsonNode approve(@PathParam("slug") String slug, @PathParam("login") String login);

    @POST
    @Path("/api/communities/{slug}/requests/{login}/reject")
    JsonNode reject(@PathParam("slug") String slug, @PathParam("login") String login);

    @POST
    @Path("/api/communities/{slug}/invitations")
    JsonNode invite(@PathParam("slug") String slug, JsonNode request);

    @GET
    @Path("/api/notifications")
    JsonNode notifications(@QueryParam("cursor") String cursor);

    @GET
    @Path("/api/notifications/unread-count")
    JsonNode unreadCount();

    @POST
    @Path("/api/notifications/read")
    JsonNode markRead(JsonNode request);

    @POST
    @Path("/api/notifications/mutes")
    JsonNode mute(JsonNode request);
}
