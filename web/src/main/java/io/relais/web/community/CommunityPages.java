package io.relais.web.community;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.relais.web.WebConfig;
import io.relais.web.layout.FollowButton;
import io.relais.web.layout.Pages;
import io.relais.web.layout.ServiceErrors;
import io.relais.web.services.FeedApi;
import io.relais.web.services.ProfileApi;
import io.relais.web.services.SearchApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Communities: the directory, creating one, a community's page (its feed, pinned posts, members, follow) and
 * the membership actions (join or request, leave, invitations with a person picker, approving requests), and the
 * owners' tools (settings, archive, roles, removal, pins). Actions are plain form posts answered by a redirect, so
 * they work with or without JavaScript; what feed-service refuses for a reason a person can act on (the last owner
 * leaving, an unknown invitee) is answered with the page and a message next to the control, never an error page.
 * An archived community is read-only (feed-service's {@code Community#requireWritable}, 409): its page offers none of
 * what is refused there (composer, join, accepting an invitation, inviting, settings, pins, roles, join-request
 * decisions), says so, and offers Unarchive to its owners and to admins; what stays possible (leaving, removing a
 * member, withdrawing or declining an invitation, deleting and moderating) stays offered.
 */
@Path("/communities")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "admin"})
public class CommunityPages {

    static final Set<String> VISIBILITIES = Set.of("public", "private", "secret");
    static final Set<String> ROLES = Set.of("member", "moderator", "owner");

    @Inject
    Pages pages;

    @Inject
    WebConfig config;

    @Inject
    FollowButton followButton;

    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    @Location("community/directory.html")
    Template directory;

    @Inject
    @Location("community/page.html")
    Template page;

    @Inject
    @Location("feed/items.html")
    Template items;

    @Inject
    @Location("community/settings.html")
    Template settings;

    @Inject
    @Location("community/invitees.html")
    Template inviteesFragment;

    @Inject
    @RestClient
    SearchApi search;

    @Inject
    @RestClient
    ProfileApi profiles;

    @GET
    public TemplateInstance directory(@QueryParam("q") String q) {
        return pages.of(directory).data("nav", "communities").data("q", q == null ? "" : q)
                .data("communities", feed.communities(q == null || q.isBlank() ? null : q.strip(), 50));
    }

    /**
     * Creates a community from the form (name, description, visibility) and opens its page. The form names no slug:
     * feed-service chooses a free one from the name, silently, and a secret community's ends with a random part, so
     * nobody learns from creating a community that a secret one they may not see holds a slug, nor guesses a secret
     * community's address from its name. A {@code slug} field, if a client posts one, is passed on as sent.
     */
    @POST
    public Response create(@RestForm String name, @RestForm String slug, @RestForm String description,
                           @RestForm String visibility) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (slug != null && !slug.isBlank()) body.put("slug", slug.strip());
        body.put("name", name == null ? "" : name.strip())
                .put("description", description == null ? "" : description.strip())
                .put("visibility", VISIBILITIES.contains(visibility) ? visibility : "public");
        JsonNode created = feed.createCommunity(body);
        return backTo(created.path("slug").asText());
    }

    @GET
    @Path("{slug}")
    public TemplateInstance community(@PathParam("slug") String slug) {
        return view(slug);
    }

    /** The community page as this viewer may see it; actions refused by feed-service add an inline {@code problem}. */
    TemplateInstance view(String slug) {
        JsonNode community = feed.community(slug);
        boolean member = "member".equals(community.path("myStatus").asText());
        boolean readable = member || "public".equals(community.path("visibility").asText());
        String role = community.path("myRole").asText("");
        boolean moderator = member && ("owner".equals(role) || "moderator".equals(role));
        boolean owner = member && "owner".equals(role);
        boolean archived = community.path("archived").asBoolean();
        JsonNode posts = readable ? orEmpty(() -> feed.communityFeed(slug, null, config.pageSize())) : MissingNode.getInstance();
        // a private community's member list is for its members (feed-service answers 404 to others): not asked for
        JsonNode members = readable ? orEmpty(() -> feed.members(slug)) : MissingNode.getInstance();
        JsonNode requests = moderator ? orEmpty(() -> feed.joinRequests(slug)) : MissingNode.getInstance();
        JsonNode invitations = moderator ? orEmpty(() -> feed.invitations(slug)) : MissingNode.getInstance();
        String inviter = "invited".equals(community.path("myStatus").asText()) ? inviterOf(community.path("iri").asText()) : "";
        boolean following = follows(community.path("iri").asText());
        List<JsonNode> audiences = new ArrayList<>();
        if (member && !archived) {
            audiences.add(community);
        }
        return pages.of(page).data("nav", "communities").data("community", community).data("member", member)
                .data("readable", readable).data("moderator", moderator).data("owner", owner).data("page", posts)
                .data("more", "/communities/" + slug + "/items?order=newest")
                .data("members", members).data("requests", requests).data("invitations", invitations)
                .data("audiences", audiences)
                .data("pinned", pinnedPosts(community)).data("following", following)
                .data("follow", FollowButton.Form.onPage(followAction(community.path("slug").asText(slug)), following, true))
                .data("pinSlug", owner && !archived ? community.path("slug").asText(slug) : "").data("inviter", inviter)
                .data("problem", "").data("problemAt", "").data("problemKind", "error").data("person", "");
    }

    @GET
    @Path("{slug}/items")
    public TemplateInstance items(@PathParam("slug") String slug, @QueryParam("cursor") String cursor) {
        JsonNode community = orEmpty(() -> feed.community(slug));
        // an archived community's pins are frozen (feed-service's 409): its next pages offer no Pin either
        boolean owner = "member".equals(community.path("myStatus").asText()) && "owner".equals(community.path("myRole").asText())
                && !community.path("archived").asBoolean();
        return pages.of(items).data("page", feed.communityFeed(slug, cursor, config.pageSize()))
                .data("more", "/communities/" + slug + "/items?order=newest").data("pinSlug", owner ? slug : "");
    }

    @POST
    @Path("{slug}/join")
    public Response join(@PathParam("slug") String slug) {
        try {
            feed.join(slug);
        } catch (ClientWebApplicationException e) {
            if (e.getResponse().getStatus() == 429) {
                // asked again too soon after a withdrawal or a refusal: said next to the button, in the reader's words,
                // with the wait feed-service gives (Retry-After, in seconds), never an error page
                return inline(slug, 429, "membership", words().askAgainIn(hoursOf(e.getResponse().getHeaderString("Retry-After"))));
            }
            throw e;
        }
        return backTo(slug);
    }

    /** A {@code Retry-After} in seconds as whole hours, rounded up (1 when absent or not a number of seconds). */
    static long hoursOf(String retryAfter) {
        try {
            return Math.max(1, (Long.parseLong(retryAfter.strip()) + 3599) / 3600);
        } catch (RuntimeException notSeconds) {
            return 1;
        }
    }

    @POST
    @Path("{slug}/leave")
    public Response leave(@PathParam("slug") String slug) {
        try {
            feed.leave(slug);
        } catch (ClientWebApplicationException e) {
            if (e.getResponse().getStatus() == 409) {
                // the last owner: explained next to the button, with what to do instead (in an archived community,
                // whose roles are frozen, that is unarchiving it first)
                boolean archived = orEmpty(() -> feed.community(slug)).path("archived").asBoolean();
                return inline(slug, 409, "membership", archived ? words().archivedLastOwner() : pages.msg().lastOwnerCannotLeave());
            }
            throw e;
        }
        return backTo(slug);
    }

    @POST
    @Path("{slug}/invitation/accept")
    public Response accept(@PathParam("slug") String slug) {
        feed.acceptInvitation(slug);
        return backTo(slug);
    }

    @POST
    @Path("{slug}/invitation/decline")
    public Response decline(@PathParam("slug") String slug) {
        feed.declineInvitation(slug);
        return Response.seeOther(URI.create("/communities")).build();
    }

    @POST
    @Path("{slug}/requests/{login}/approve")
    public Response approve(@PathParam("slug") String slug, @PathParam("login") String login) {
        feed.approve(slug, login);
        return backTo(slug);
    }

    @POST
    @Path("{slug}/requests/{login}/reject")
    public Response reject(@PathParam("slug") String slug, @PathParam("login") String login) {
        feed.reject(slug, login);
        return backTo(slug);
    }

    /** An owner or moderator takes back a pending invitation (feed-service refuses anyone else, 403). */
    @POST
    @Path("{slug}/invitations/{login}/withdraw")
    public Response withdrawInvitation(@PathParam("slug") String slug, @PathParam("login") String login) {
        feed.withdrawInvitation(slug, login);
        return backTo(slug);
    }

    /**
     * Invites a colleague chosen with the person picker: {@code login} is the suggestion picked (a radio button of
     * {@link #invitees}); without one, the typed {@code person} must name exactly one colleague (their login, or a
     * name that search-service's people index matches exactly or alone). Anyone else is refused next to the field.
     */
    @POST
    @Path("{slug}/invitations")
    public Response invite(@PathParam("slug") String slug, @RestForm String login, @RestForm String person) {
        String typed = person == null ? "" : person.strip();
        Optional<String> who = login != null && !login.isBlank() ? Optional.of(login.strip()) : PersonPicker.resolve(typed, search, profiles);
        if (who.isEmpty()) {
            return inline(slug, 422, "invite", pages.msg().unknownInvitee(typed), typed);
        }
        try {
            feed.invite(slug, JsonNodeFactory.instance.objectNode().put("login", who.get()));
        } catch (ClientWebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400) {
                return inline(slug, 422, "invite", pages.msg().unknownInvitee(typed.isEmpty() ? who.get() : typed), typed);
            }
            if (status == 409) {
                return inline(slug, 409, "invite", pages.msg().alreadyMemberOrArchived(who.get()), typed);
            }
            throw e;
        }
        return inline(slug, 200, "invite", pages.msg().invitationSent(PersonPicker.nameOf(who.get(), profiles)), "");
    }

    /** The person picker's suggestions for what was typed: a radio group of colleagues (name, title, department). */
    @GET
    @Path("{slug}/invitees")
    public TemplateInstance invitees(@PathParam("slug") String slug, @QueryParam("person") String person) {
        return pages.of(inviteesFragment).data("invitees", PersonPicker.suggestions(person, search));
    }

    @POST
    @Path("{slug}/pins")
    public Response pin(@PathParam("slug") String slug, @RestForm String post, @RestForm String action) {
        if ("unpin".equals(action)) {
            feed.unpin(slug, post);
        } else {
            feed.pin(slug, post);
        }
        return backTo(slug);
    }

    /** {@code following} is the state the page showed: true → unfollow, false → follow. */
    @POST
    @Path("{slug}/follow")
    public Response follow(@PathParam("slug") String slug, @RestForm boolean following, @HeaderParam("HX-Request") String htmx) {
        if (following) {
            feed.unfollow("community", slug);
        } else {
            feed.follow("community", slug);
        }
        String name = htmx == null ? slug : orEmpty(() -> feed.community(slug)).path("name").asText(slug);
        return followButton.answer(htmx, FollowButton.Form.onPage(followAction(slug), !following, true), name,
                URI.create("/communities/" + slug));
    }

    private static String followAction(String slug) {
        return "/communities/" + slug + "/follow";
    }

    /**
     * Owners' settings: name, description, visibility; and archiving. Others are sent back to the community. An archived
     * community's settings are frozen (feed-service answers 409): the page then offers only its Unarchive.
     */
    @GET
    @Path("{slug}/settings")
    public Response settings(@PathParam("slug") String slug) {
        JsonNode community = feed.community(slug);
        if (!"owner".equals(community.path("myRole").asText())) {
            return backTo(slug);
        }
        return Response.ok(settingsPage(community, "").render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @POST
    @Path("{slug}/settings")
    public Response saveSettings(@PathParam("slug") String slug, @RestForm String name, @RestForm String description,
                                 @RestForm String visibility) {
        ObjectNode changes = JsonNodeFactory.instance.objectNode()
                .put("name", name == null ? "" : name.strip())
                .put("description", description == null ? "" : description.strip());
        if (VISIBILITIES.contains(visibility)) {
            changes.put("visibility", visibility);
        }
        try {
            feed.editCommunity(slug, changes);
        } catch (ClientWebApplicationException e) {
            if (e.getResponse().getStatus() == 400) {
                JsonNode shown = feed.community(slug).deepCopy();
                ((ObjectNode) shown).put("name", changes.path("name").asText()).put("description", changes.path("description").asText());
                return Response.status(422).entity(settingsPage(shown, pages.msg().settingsRefused()).render())
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
            }
            if (e.getResponse().getStatus() == 409 && ServiceErrors.fieldsNamed(e).contains("visibility")) {
                // feed-service keeps a public community public once something was published there (its items went
                // to the whole organisation); nothing was saved, the form shows what is stored
                return Response.status(409).entity(settingsPage(feed.community(slug), pages.msg().visibilityNarrowingRefused()).render())
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
            }
            if (e.getResponse().getStatus() == 409) {
                // archived since the form was opened (another tab, a co-owner): its settings are frozen; the page now
                // offers only Unarchive, and says nothing was saved
                JsonNode now = feed.community(slug);
                if (now.path("archived").asBoolean()) {
                    return Response.status(409).entity(settingsPage(now, words().archivedSettingsRefused()).render())
                            .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
                }
            }
            throw e;
        }
        return backTo(slug);
    }

    /** Archiving needs the confirmation box ticked: without it the settings page says so and nothing changes. */
    @POST
    @Path("{slug}/archive")
    public Response archive(@PathParam("slug") String slug, @RestForm boolean confirm) {
        if (!confirm) {
            return Response.status(422).entity(settingsPage(feed.community(slug), pages.msg().archiveNeedsConfirmation()).render())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        feed.archiveCommunity(slug);
        return backTo(slug);
    }

    /** Unarchiving is the owner's undo of an archive: one click, since it takes nothing away. */
    @POST
    @Path("{slug}/unarchive")
    public Response unarchive(@PathParam("slug") String slug) {
        feed.unarchiveCommunity(slug);
        return backTo(slug);
    }

    /** Owners give a member the role member, moderator or owner (several owners share a community; to hand it over, make someone owner, then step down). */
    @POST
    @Path("{slug}/members/{login}/role")
    public Response changeRole(@PathParam("slug") String slug, @PathParam("login") String login, @RestForm String role) {
        if (!ROLES.contains(role)) {
            return inline(slug, 422, "members", pages.msg().roleUnknown());
        }
        try {
            feed.changeRole(slug, login, JsonNodeFactory.instance.objectNode().put("role", role));
        } catch (ClientWebApplicationException e) {
            if (e.getResponse().getStatus() == 409) {
                return inline(slug, 409, "members", pages.msg().lastOwnerCannotStepDown());
            }
            throw e;
        }
        return backTo(slug);
    }

    @POST
    @Path("{slug}/members/{login}/remove")
    public Response remove(@PathParam("slug") String slug, @PathParam("login") String login) {
        try {
            feed.removeMember(slug, login);
        } catch (ClientWebApplicationException e) {
            if (e.getResponse().getStatus() == 409) {
                return inline(slug, 409, "members", pages.msg().lastOwnerCannotBeRemoved());
            }
            throw e;
        }
        return backTo(slug);
    }

    /** This bundle's words in the reader's language (the page's {@code com:} namespace). */
    private CommunityMsg words() {
        return MessageBundles.get(CommunityMsg.class, Localized.Literal.of(pages.locale().getLanguage()));
    }

    private TemplateInstance settingsPage(JsonNode community, String problem) {
        return pages.of(settings).data("nav", "communities").data("community", community).data("problem", problem);
    }

    private Response inline(String slug, int status, String where, String message) {
        return inline(slug, status, where, message, "");
    }

    /** The community page with a message next to the control it concerns ({@code where}); never an error page. */
    private Response inline(String slug, int status, String where, String message, String person) {
        return Response.status(status)
                .entity(view(slug).data("problem", message).data("problemAt", where).data("person", person)
                        .data("problemKind", status == 200 ? "ok" : "error").render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /**
     * Who invited me to the community, by name: the community says only that I am invited, so this is read from my
     * notifications' first page (my own token; the invitation I was notified of). Empty when it is not there (read,
     * scrolled away, muted) or on a service hiccup: the page then says I am invited without saying by whom.
     */
    private String inviterOf(String iri) {
        for (JsonNode n : orEmpty(() -> feed.notifications(null)).path("items")) {
            if ("invitation".equals(n.path("kind").asText()) && iri.equals(n.path("community").asText())) {
                JsonNode actor = n.path("actor");
                String name = actor.path("displayName").asText("");
                return name.isBlank() ? actor.path("login").asText("") : name;
            }
        }
        return "";
    }

    /** Whether I follow the community (feed-service's list of what I follow; unknown counts as not following). */
    private boolean follows(String iri) {
        try {
            for (JsonNode followed : feed.myFollows().path("communities")) {
                if (iri.equals(followed.asText())) {
                    return true;
                }
            }
        } catch (ClientWebApplicationException | jakarta.ws.rs.ProcessingException e) {
            // shown as not following; following again is harmless
        }
        return false;
    }

    private List<JsonNode> pinnedPosts(JsonNode community) {
        List<JsonNode> pinned = new ArrayList<>();
        for (JsonNode iri : community.path("pins")) {
            JsonNode post = orEmpty(() -> feed.thread(iri.asText(), null, 1)).path("post");
            if (!post.isMissingNode()) {
                pinned.add(post);
            }
        }
        return pinned;
    }

    private static Response backTo(String slug) {
        return Response.seeOther(URI.create("/communities/" + slug)).build();
    }

    /** A part of the page the viewer may not see (or a service hiccup) leaves that part empty. */
    private static JsonNode orEmpty(java.util.function.Supplier<JsonNode> call) {
        try {
            JsonNode answer = call.get();
            return answer == null ? MissingNode.getInstance() : answer;
        } catch (ClientWebApplicationException | jakarta.ws.rs.ProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
