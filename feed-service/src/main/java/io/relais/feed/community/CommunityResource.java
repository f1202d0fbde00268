package io.relais.feed.community;

import io.relais.feed.profile.PersonSummary;
import io.relais.feed.sanitize.InputLimits;
import io.relais.kit.error.ProblemException;
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
import java.util.List;
import java.util.Map;

@Path("/api/communities")
@Tag(name = "communities", description = "Communities, memberships, requests, invitations, pins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommunityResource {

    static final String COMMUNITY_EXAMPLE = "{\"iri\":\"urn:relais:community:tech-talk\",\"slug\":\"tech-talk\",\"name\":\"Le coin tech\","
            + "\"description\":\"Veille et retours d'expérience\",\"visibility\":\"public\",\"archived\":false,\"memberCount\":12,"
            + "\"myRole\":\"member\",\"myStatus\":\"member\",\"pins\":[],\"created\":\"2026-11-20T09:00:00Z\"}";

    @Inject
    CommunityService communities;

    @Inject
    CurrentPerson me;

    @Inject
    InputLimits limits;

    @POST
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Create a community; you become its owner",
            description = "Without a slug, a free one is chosen from the name (a secret community's ends with a random "
                    + "part, so it cannot be guessed). A name may not be the name of another community you can see "
                    + "(compared ignoring case, accents, spaces and punctuation); a secret community you cannot see "
                    + "does not count.")
    @APIResponse(responseCode = "201", description = "created", content = @Content(examples = @ExampleObject(name = "community", value = COMMUNITY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "slug not 3 to 50 lower-case letters, digits or '-'; name blank, "
            + "longer than 80 characters or without a letter or digit; visibility not public, private or secret")
    @APIResponse(responseCode = "409", description = "the slug sent is not available (errors name slug: the same answer "
            + "whichever community holds it); or the name is used by another community you can see (errors name name)")
    public Response create(@Valid @NotNull CommunityRequests.CreateCommunity request) {
        Community c = communities.create(request, me);
        return Response.created(URI.create("/api/communities/" + c.slug())).entity(communities.view(c, me)).build();
    }

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "The community directory, searched by name; secret communities only appear to their members")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "directory", value = "[" + COMMUNITY_EXAMPLE + "]")))
    public List<CommunityView> directory(@Parameter(example = "tech") @QueryParam("q") String q,
                                         @Parameter(example = "20") @QueryParam("limit") Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > limits.pageSize()) {
            throw ProblemException.invalid("limit", "must be between 1 and " + limits.pageSize());
        }
        if (q != null && q.length() > 80) throw ProblemException.invalid("q", "must be at most 80 characters");
        return communities.views(communities.directory(q, size, me), me);
    }

    @GET
    @Path("/{slug}")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "One community (secret communities answer 404 to non-members)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "community", value = COMMUNITY_EXAMPLE)))
    public CommunityView get(@PathParam("slug") String slug) {
        return communities.view(communities.visible(slug, me), me);
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Edit name, description or visibility (owners)", description = "An archived community's settings "
            + "are frozen with it: 409 \"community <slug> is archived\" until it is unarchived.")
    @APIResponse(responseCode = "200", description = "the community as edited", content = @Content(examples = @ExampleObject(name = "community", value = COMMUNITY_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "not an owner of the community")
    @APIResponse(responseCode = "409", description = "the community is archived; or its new name is used by another "
            + "community you can see, or, leaving secrecy, by another public or private one (errors name name); or a public "
            + "community with content published to everyone cannot become private or secret (errors name visibility)")
    public CommunityView edit(@PathParam("slug") String slug, @Valid @NotNull CommunityRequests.EditCommunity request) {
        return communities.view(communities.edit(slug, request, me), me);
    }

    @POST
    @Path("/{slug}/archive")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Archive (owners, admins): stays readable, no more posts, comments, edits, reactions or joins",
            description = "Read-only until unarchived: posting, commenting, editing, reacting, joining, accepting or sending "
                    + "an invitation, importing members, and the managers' changes (settings, pins, roles, approving or "
                    + "rejecting join requests) each answer 409 \"community <slug> is archived\". Still possible: reading, "
                    + "deleting and moderating content, leaving, removing a member, withdrawing or declining an invitation. "
                    + "Connector cards addressed to it still arrive (business facts). Idempotent; DELETE on the same path "
                    + "undoes it.")
    @APIResponse(responseCode = "200", description = "the community, archived true")
    @APIResponse(responseCode = "403", description = "neither an owner of the community nor an admin")
    @APIResponse(responseCode = "404", description = "no such community, or a secret one you are not a member of")
    public CommunityView archive(@PathParam("slug") String slug) {
        return communities.view(communities.archive(slug, me), me);
    }

    @DELETE
    @Path("/{slug}/archive")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Unarchive (owners, admins): posts, comments, reactions, joins and the owners' changes are possible again",
            description = "Published as an Update of the Group with archived false, as archiving is. Idempotent: a community "
                    + "that is not archived is answered as it is.")
    @APIResponse(responseCode = "200", description = "no longer archived", content = @Content(examples = @ExampleObject(name = "community", value = COMMUNITY_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "neither an owner of the community nor an admin")
    @APIResponse(responseCode = "404", description = "no such community, or a secret one you are not a member of")
    public CommunityView unarchive(@PathParam("slug") String slug) {
        return communities.view(communities.unarchive(slug, me), me);
    }

    @POST
    @Path("/{slug}/join")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Join a public community, or ask to join a private one (status pending); secret ones need an invitation")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "pending", value = "{\"status\":\"pending\"}")))
    @APIResponse(responseCode = "429", description = "a private community: you sent a join request there less than "
            + "feed.communities.join-request-interval (24 h) ago, then withdrew it or it was refused; Retry-After says "
            + "when you may ask again (errors name slug and the rule)")
    public Map<String, String> join(@PathParam("slug") String slug) {
        return Map.of("status", communities.join(slug, me));
    }

    @POST
    @Path("/{slug}/leave")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Leave the community (or withdraw a pending request); the last owner cannot leave",
            description = "Also in an archived community: leaving is never frozen. A withdrawn request takes back the "
                    + "owners' and moderators' notification of it; asking again waits the join-request interval.")
    @APIResponse(responseCode = "204", description = "no longer a member (or no longer asking to be one)")
    @APIResponse(responseCode = "409", description = "the last owner: make someone else owner first; in an archived "
            + "community, whose roles are frozen, unarchive it first")
    public Response leave(@PathParam("slug") String slug) {
        communities.leave(slug, me);
        return Response.noContent().build();
    }

    @GET
    @Path("/{slug}/requests")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Pending join requests (owners and moderators)")
    public List<PersonSummary> requests(@PathParam("slug") String slug) {
        return communities.requests(slug, me);
    }

    @POST
    @Path("/{slug}/requests/{login}/approve")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Approve a join request (owners and moderators)",
            description = "Every owner's and moderator's notification of the request is taken back.")
    @APIResponse(responseCode = "204", description = "the requester is a member")
    @APIResponse(responseCode = "400", description = "the requester has left the company since asking (errors name login): "
            + "not let in, and the request is gone")
    @APIResponse(responseCode = "409", description = "the community is archived: the request stays pending")
    public Response approve(@PathParam("slug") String slug, @PathParam("login") String login) {
        communities.approve(slug, login, me);
        return Response.noContent().build();
    }

    @POST
    @Path("/{slug}/requests/{login}/reject")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Reject a join request (owners and moderators)",
            description = "The requester is told; every owner's and moderator's notification of the request is taken back.")
    @APIResponse(responseCode = "204", description = "the request is gone")
    @APIResponse(responseCode = "409", description = "the community is archived: the request stays pending")
    public Response reject(@PathParam("slug") String slug, @PathParam("login") String login) {
        communities.reject(slug, login, me);
        return Response.noContent().build();
    }

    @POST
    @Path("/{slug}/invitations")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Invite someone (members of public/private communities; owners and moderators of secret ones)")
    @APIResponse(responseCode = "204", description = "invited (idempotent)")
    @APIResponse(responseCode = "400", description = "login not a known person, or someone who left the company (errors name login)")
    @APIResponse(responseCode = "409", description = "already a member, or the community is archived")
    public Response invite(@PathParam("slug") String slug, @Valid @NotNull CommunityRequests.Invitation request) {
        communities.invite(slug, request.login(), me);
        return Response.noContent().build();
    }

    @GET
    @Path("/{slug}/invitations")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Pending invitations (owners and moderators)")
    public List<PersonSummary> invitations(@PathParam("slug") String slug) {
        return communities.invitations(slug, me);
    }

    @DELETE
    @Path("/{slug}/invitations/{login}")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Withdraw a pending invitation (owners and moderators); no pending invitation of that person → 404",
            description = "Also in an archived community: access is always revocable.")
    public Response withdrawInvitation(@PathParam("slug") String slug, @PathParam("login") String login) {
        communities.withdrawInvitation(slug, login, me);
        return Response.noContent().build();
    }

    @POST
    @Path("/{slug}/invitations/mine/accept")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Accept your invitation: you become a member")
    @APIResponse(responseCode = "204", description = "you are a member")
    @APIResponse(responseCode = "409", description = "the community is archived: the invitation stays pending (declining is possible)")
    public Response accept(@PathParam("slug") String slug) {
        communities.acceptInvitation(slug, me);
        return Response.noContent().build();
    }

    @POST
    @Path("/{slug}/invitations/mine/decline")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Decline your invitation")
    public Response decline(@PathParam("slug") String slug) {
        communities.declineInvitation(slug, me);
        return Response.noContent().build();
    }

    @GET
    @Path("/{slug}/members")
    @RolesAllowed({Roles.EMPLOYEE, Roles.COMMUNITY_MANAGER, Roles.ADMIN})
    @Operation(summary = "Members and their roles: public community → everyone; private → its members, community managers "
            + "and admins; anyone else → 404, as for its feed")
    @APIResponse(responseCode = "404", description = "no such community, a secret one you are not a member of, or a private "
            + "one whose members you may not see")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "members", value =
            "{\"community\":\"urn:relais:community:tech-talk\",\"count\":1,\"members\":[{\"person\":{\"iri\":\"urn:relais:person:bob\","
                    + "\"login\":\"bob\",\"displayName\":\"Bob Martin\",\"title\":\"Architecte\"},\"role\":\"owner\"}]}")))
    public CommunityView.Members members(@PathParam("slug") String slug) {
        return communities.members(slug, me);
    }

    @POST
    @Path("/{slug}/members")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @MemberImportBodyLimit.Bounded
    @Operation(summary = "Add many people at once (admins, owners, moderators; only owners and admins add moderators)",
            description = "Up to 5,000 logins per call, duplicates collapsed; role member (default) or moderator. "
                    + "Idempotent: people already members are counted in alreadyMembers and keep their role. A person "
                    + "already at the per-person community limit is listed in refused, the others are added. Each new "
                    + "member is published as a Join. Archived community → 409; body above the import limit → 413.")
    @APIResponse(responseCode = "200", description = "imported", content = @Content(examples = @ExampleObject(name = "import", value =
            "{\"added\":2,\"alreadyMembers\":1,\"members\":4,\"refused\":[{\"login\":\"chloe.durand\","
                    + "\"reason\":\"already belongs to 500 communities, the most a person may join\"}]}")))
    @APIResponse(responseCode = "400", description = "logins missing, empty, above 5,000 or not logins; a login not a known "
            + "person or someone who left the company (errors name each logins[i]; nobody is added); role not member or moderator")
    @APIResponse(responseCode = "403", description = "neither an admin nor an owner or moderator of the community")
    @APIResponse(responseCode = "404", description = "no such community, or a secret one you are not a member of")
    @APIResponse(responseCode = "409", description = "the community is archived")
    @APIResponse(responseCode = "413", description = "body larger than feed.limits.member-import-bytes")
    public CommunityView.Import importMembers(@PathParam("slug") String slug,
                                             @Valid @NotNull CommunityRequests.MemberImport request) {
        return communities.importMembers(slug, request, me);
    }

    @DELETE
    @Path("/{slug}/members/{login}")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Remove a member (owners and moderators; only owners remove moderators)",
            description = "Also in an archived community: access is always revocable.")
    public Response remove(@PathParam("slug") String slug, @PathParam("login") String login) {
        communities.remove(slug, login, me);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{slug}/members/{login}/role")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Change a member's role (owners)")
    @APIResponse(responseCode = "204", description = "the member has the role")
    @APIResponse(responseCode = "409", description = "the community is archived (its roles are frozen), or the last owner would step down")
    public Response changeRole(@PathParam("slug") String slug, @PathParam("login") String login,
                               @Valid @NotNull CommunityRequests.RoleChange request) {
        communities.changeRole(slug, login, request.role(), me);
        return Response.noContent().build();
    }
}
