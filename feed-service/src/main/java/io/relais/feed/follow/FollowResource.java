package io.relais.feed.follow;

import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/follows")
@Tag(name = "follows", description = "Follow people, communities and hashtags")
@Produces(MediaType.APPLICATION_JSON)
public class FollowResource {

    @Inject
    FollowService follows;

    @Inject
    CurrentPerson me;

    @PUT
    @Path("/{kind}/{id}")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Follow a person (login), a community (slug) or a hashtag; following twice changes nothing",
            description = "404 (problem+json, nothing stored or published) for a person Relais does not know (never published"
                    + " by profile-service, or erased) or a community you may not see; 403 naming id for a private or secret"
                    + " community you do not belong to (its follow ends when your membership does)")
    public Response follow(@Parameter(example = "hashtag") @PathParam("kind") String kind,
                           @Parameter(example = "atlas") @PathParam("id") String id) {
        follows.follow(kind, id, me);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{kind}/{id}")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Unfollow")
    public Response unfollow(@PathParam("kind") String kind, @PathParam("id") String id) {
        follows.unfollow(kind, id, me);
        return Response.noContent().build();
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "What you follow")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "following", value =
            "{\"persons\":[{\"iri\":\"urn:relais:person:bob\",\"login\":\"bob\",\"displayName\":\"Bob Martin\"}],"
                    + "\"communities\":[\"urn:relais:community:tech-talk\"],\"hashtags\":[\"urn:relais:hashtag:atlas\"]}")))
    public FollowService.Following mine() {
        return follows.mine(me);
    }

    @GET
    @Path("/{kind}/{id}/followers")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Who follows a person, a community (if you may see it; a private one's only to whom may list its members: its members, community managers and admins, else 404) or a hashtag")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "followers", value =
            "{\"followed\":\"urn:relais:person:alice\",\"count\":1,\"followers\":[{\"iri\":\"urn:relais:person:bob\",\"login\":\"bob\",\"displayName\":\"Bob Martin\"}]}")))
    public FollowService.Followers followers(@PathParam("kind") String kind, @PathParam("id") String id) {
        return follows.followers(kind, id, me);
    }
}
