package io.relais.web.people;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.relais.web.layout.FollowButton;
import io.relais.web.layout.HrNames;
import io.relais.web.layout.Pages;
import io.relais.web.services.FeedApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Following": the colleagues, communities and hashtags I follow (feed-service {@code GET /api/follows/mine}), each
 * with an Unfollow button ({@code DELETE /api/follows/{kind}/{id}}). Communities arrive as IRIs: their names are
 * asked of feed-service one by one (at most {@link #NAMED_COMMUNITIES}; beyond, or one I may no longer see, the
 * slug stands for the name). Each button is a {@link FollowButton}: under htmx, Unfollow turns into Follow (and back) in
 * place, keeping the focus, and {@code #flash} says "You no longer follow Carol Petit."; the line is gone on the next
 * visit.
 */
@Path("/following")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "admin"})
public class FollowingPage {

    /** Community names looked up per page view; each is one call to feed-service. */
    static final int NAMED_COMMUNITIES = 50;

    static final Set<String> KINDS = Set.of("person", "community", "hashtag");

    @Inject
    Pages pages;

    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    FollowButton followButton;

    @Inject
    HrNames hrNames;

    @Inject
    @Location("people/following.html")
    Template page;

    @GET
    public TemplateInstance following() {
        JsonNode mine = feed.myFollows();
        List<Map<String, Object>> persons = new ArrayList<>();
        for (JsonNode p : mine.path("persons")) {
            String login = p.path("login").asText();
            String name = p.path("displayName").asText(login);
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("login", login);
            person.put("displayName", name);
            person.put("follow", FollowButton.Form.listed("person", login, name));
            persons.add(person);
        }
        List<Map<String, Object>> communities = new ArrayList<>();
        for (JsonNode iri : mine.path("communities")) {
            String slug = localId(iri.asText());
            String name = slug;
            if (communities.size() < NAMED_COMMUNITIES) {
                try {
                    name = feed.community(slug).path("name").asText(slug);
                } catch (ClientWebApplicationException | jakarta.ws.rs.ProcessingException gone) {
                    // no longer visible to me (or the service hiccups): the slug still lets me unfollow it
                }
            }
            communities.add(Map.of("slug", slug, "name", name, "follow", FollowButton.Form.listed("community", slug, name)));
        }
        List<Map<String, Object>> hashtags = new ArrayList<>();
        mine.path("hashtags").forEach(iri -> {
            String tag = localId(iri.asText());
            hashtags.add(Map.of("tag", tag, "follow", FollowButton.Form.listed("hashtag", tag, "#" + tag)));
        });
        return pages.of(page).data("nav", "people").data("persons", persons)
                .data("communities", communities).data("hashtags", hashtags);
    }

    /**
     * Follows ({@code following=false}) or stops following ({@code following=true}, the default) one person
     * ({@code kind=person}, {@code id} = login), community (slug) or hashtag (tag): a line's button. Under htmx the answer
     * is that button in its new state and the sentence for {@code #flash}; otherwise back to the list.
     */
    @POST
    public Response toggle(@RestForm String kind, @RestForm String id, @RestForm Boolean following,
                           @HeaderParam("HX-Request") String htmx) {
        if (!KINDS.contains(kind) || id == null || id.isBlank()) {
            return Response.seeOther(URI.create("/following")).build();
        }
        String key = id.strip();
        boolean wasFollowing = following == null || following;
        if (wasFollowing) {
            feed.unfollow(kind, key);
        } else {
            feed.follow(kind, key);
        }
        String name = nameOf(kind, key);
        return followButton.answer(htmx, FollowButton.Form.listed(kind, key, name).withFollowing(!wasFollowing),
                name, URI.create("/following"));
    }

    /** The former route of the lines' Unfollow buttons (a plain form post): the same as {@link #toggle}. */
    @POST
    @Path("unfollow")
    public Response unfollow(@RestForm String kind, @RestForm String id, @HeaderParam("HX-Request") String htmx) {
        return toggle(kind, id, true, htmx);
    }

    /** What the status sentence calls it: a person by their HR display name, a community by its name, a hashtag as #tag. */
    private String nameOf(String kind, String id) {
        try {
            return switch (kind) {
                case "person" -> {
                    String name = hrNames.of(id).displayName();
                    yield name.isBlank() ? id : name;
                }
                case "community" -> feed.community(id).path("name").asText(id);
                default -> "#" + id;
            };
        } catch (jakarta.ws.rs.WebApplicationException | jakarta.ws.rs.ProcessingException unknown) {
            // the follow is done; only its sentence names it by its key
            return "person".equals(kind) || "community".equals(kind) ? id : "#" + id;
        }
    }

    /** The last segment of a {@code urn:relais:<kind>:<id>} IRI (a bare id is returned as it is). */
    static String localId(String iri) {
        return iri.substring(iri.lastIndexOf(':') + 1);
    }
}
