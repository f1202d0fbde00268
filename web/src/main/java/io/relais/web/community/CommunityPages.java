package io.relais.web.community;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.relais.web.WebConfig;
import io.relais.web.layout.Pages;
import io.relais.web.services.FeedApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Communities: the directory, creating one, a community's page (its feed, pinned posts, members) and
 * the membership actions (join or request, leave, invitations, approving requests). Actions are plain
 * form posts answered by a redirect, so they work with or without JavaScript.
 */
@Path("/communities")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "admin"})
public class CommunityPages {

    static final Set<String> VISIBILITIES = Set.of("public", "private", "secret");

    @Inject
    Pages pages;

    @Inject
    WebConfig config;

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

    @GET
    public TemplateInstance directory(@QueryParam("q") String q) {
        return pages.of(directory).data("nav", "communities").data("q", q == null ? "" : q)
                .data("communities", feed.communities(q == null || q.isBlank() ? null : q.strip(), 50));
    }

    @POST
    public Response create(@RestForm String name, @RestForm String slug, @RestForm String description,
                           @RestForm String visibility) {
        String chosenSlug = slug == null || slug.isBlank() ? slugOf(name) : slug.strip();
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("slug", chosenSlug)
                .put("name", name == null ? "" : name.strip())
                .put("description", description == null ? "" : description.strip())
                .put("visibility", VISIBILITIES.contains(visibility) ? visibility : "public");
        JsonNode created = feed.createCommunity(body);
        return backTo(created.path("slug").asText(chosenSlug));
    }

    @GET
    @Path("{slug}")
    public TemplateInstance community(@PathParam("slug") String slug) {
        JsonNode community = feed.community(slug);
        boolean member = "member".equals(community.path("myStatus").asText());
        boolean readable = member || "public".equals(community.path("visibility").asText());
        String role = community.path("myRole").asText("");
        boolean moderator = member && ("owner".equals(role) || "moderator".equals(role));
        JsonNode posts = readable ? orEmpty(() -> feed.communityFeed(slug, null, config.pageSize())) : MissingNode.getInstance();
        JsonNode members = orEmpty(() -> feed.members(slug));
        JsonNode requests = moderator ? orEmpty(() -> feed.joinRequests(slug)) : MissingNode.getInstance();
        List<JsonNode> audiences = new ArrayList<>();
        if (member) {
            audiences.add(community);
        }
        return pages.of(page).data("nav", "communities").data("community", community).data("member", member)
                .data("readable", readable).data("moderator", moderator).data("page", posts)
                .data("more", "/communities/" + slug + "/items?order=newest")
                .data("members", members).data("requests", requests).data("audiences", audiences)
                .data("pinned", pinnedPosts(community));
    }

    @GET
    @Path("{slug}/items")
    public TemplateInstance items(@PathParam("slug") String slug, @QueryParam("cursor") String cursor) {
        return pages.of(items).data("page", feed.communityFeed(slug, cursor, config.pageSize()))
                .data("more", "/communities/" + slug + "/items?order=newest");
    }

    @POST
    @Path("{slug}/join")
    public Response join(@PathParam("slug") String slug) {
        feed.join(slug);
        return backTo(slug);
    }

    @POST
    @Path("{slug}/leave")
    public Response leave(@PathParam("slug") String slug) {
        feed.leave(slug);
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

    @POST
    @Path("{slug}/invitations")
    public Response invite(@PathParam("slug") String slug, @RestForm String login) {
        String who = login == null ? "" : login.strip().replaceFirst("^@", "");
        feed.invite(slug, JsonNodeFactory.instance.objectNode().put("login", who));
        return backTo(slug);
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

    static String slugOf(String name) {
        String base = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.length() > 50) {
            base = base.substring(0, 50).replaceAll("-+$", "");
        }
        return base.length() < 3 ? (base + "-community").replaceAll("^-", "") : base;
    }
}
