package io.relais.feed.post;

import io.relais.feed.threadview.PostThread;
import io.relais.feed.threadview.PostView;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/posts")
@Tag(name = "posts", description = "Posts and business-event cards, with their threads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PostResource {

    private static final String POST_FIELDS = "{\"id\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\",\"type\":\"Note\",\"kind\":\"post\","
            + "\"author\":{\"iri\":\"urn:relais:person:alice\",\"login\":\"alice\",\"displayName\":\"Alice Durand\",\"title\":\"Cheffe de projet\"},"
            + "\"content\":\"<p>Retour sur la démo de vendredi : merci @bob ! #atlas</p>\",\"audience\":[\"urn:relais:community:projet-atlas\"],"
            + "\"community\":{\"iri\":\"urn:relais:community:projet-atlas\",\"slug\":\"projet-atlas\",\"name\":\"Projet Atlas\"},"
            + "\"mentions\":[\"urn:relais:person:bob\"],\"hashtags\":[\"urn:relais:hashtag:atlas\"],\"attachments\":[],"
            + "\"reactions\":{\"like\":3,\"celebrate\":1},\"myReaction\":\"like\",\"commentCount\":2,\"firstComments\":[],"
            + "\"pinned\":false,\"created\":\"2026-11-20T09:12:00Z\"";

    static final String POST_EXAMPLE = POST_FIELDS + "}";

    /** A thread as its reader gets it: the post and each comment say what the reader may do ({@code can}). */
    static final String THREAD_EXAMPLE = "{\"post\":" + POST_FIELDS
            + ",\"can\":{\"edit\":false,\"delete\":true,\"moderate\":true,\"comment\":true,\"react\":true}},\"comments\":["
            + "{\"id\":\"urn:relais:comment:019a8f31-0b7e-7f21-8c44-5d2a1e6f9b03\","
            + "\"post\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\",\"inReplyTo\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\","
            + "\"author\":{\"iri\":\"urn:relais:person:bob\",\"login\":\"bob\",\"displayName\":\"Bob Martin\"},"
            + "\"content\":\"<p>Bravo @alice !</p>\",\"source\":\"Bravo @alice !\",\"mentions\":[\"urn:relais:person:alice\"],"
            + "\"hashtags\":[],\"reactions\":{},\"created\":\"2026-11-20T09:15:00Z\","
            + "\"can\":{\"edit\":false,\"delete\":true,\"moderate\":true,\"comment\":true,\"react\":true}}],\"next\":null}";

    @Inject
    PostService posts;

    @Inject
    CurrentPerson me;

    @POST
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Write a post to the organisation or to a community you belong to (HTML subset, sanitised)")
    @APIResponse(responseCode = "201", content = @Content(examples = @ExampleObject(name = "post", value = POST_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "problem+json naming the field and rule (length, mentions, attachments…)")
    public Response create(@Valid @NotNull PostRequests.CreatePost request) {
        PostView post = posts.create(request, me);
        return Response.created(URI.create("/api/posts/" + io.relais.events.Iri.localId(post.id()))).entity(post).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "A post (or card) with one page of its thread, oldest comment first; the post and each comment say what you may do (can: edit, delete, moderate, comment, react); 404 if you may not see it")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "thread",
            value = THREAD_EXAMPLE)))
    public PostThread get(@PathParam("id") String id,
                          @Parameter(description = "opaque cursor from the previous page") @QueryParam("cursor") String cursor,
                          @Parameter(example = "20") @QueryParam("limit") Integer limit) {
        return posts.thread(id, cursor, limit, me);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Edit your post (publishes an Update with the full object)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "post", value = POST_EXAMPLE)))
    public PostView edit(@PathParam("id") String id, @Valid @NotNull PostRequests.EditPost request) {
        return posts.edit(id, request, me);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Delete a post: its author, its community's owners and moderators, or an admin (publishes a Delete with a Tombstone)")
    public Response delete(@PathParam("id") String id) {
        posts.delete(id, me);
        return Response.noContent().build();
    }
}
