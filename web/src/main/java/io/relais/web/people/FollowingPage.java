package io.relais.web.people;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.relais.web.layout.Pages;
import io.relais.web.services.FeedApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Following": the colleagues, communities and hashtags I follow (feed-service {@code GET /api/follows/mine}), each
 * with an Unfollow button ({@code DELETE /api/follows/{kind}/{id}}). Communities arrive as IRIs: their names are
 * asked of feed-service one by one (at most {@link #NAMED_COMMUNITIES}; beyond, or one I may no longer see, the
 * slug stands for the name).
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
    @Location("people/following.html")
    Template page;

    @GET
    public TemplateInstance following() {
        JsonNode mine = feed.myFollows();
        List<Map<String, String>> communities = new ArrayList<>();
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
            communities.add(Map.of("slug", slug, "name", name));
        }
        List<String> hashtags = new ArrayList<>();
        mine.path("hashtags").forEach(iri -> hashtags.add(localId(iri.asText())));
        return pages.of(page).data("nav", "people").data("persons", mine.path("persons"))
                .data("communities", communities).data("hashtags", hashtags);
    }

    /** Stops following one person ({@code kind=person}, {@code id} = login), community (slug) or hashtag (tag). */
    @POST
    @Path("unfollow")
    public Response unfollow(@RestForm String kind, @RestForm String id) {
        if (KINDS.contains(kind) && id != null && !id.isBlank()) {
            feed.unfollow(kind, id.strip());
        }
        return Response.seeOther(URI.create("/following")).build();
    }

    /** The last segment of a {@code urn:relais:<kind>:<id>} IRI (a bare id is returned as it is). */
    static String localId(String iri) {
        return iri.substring(iri.lastIndexOf(':') + 1);
    }
}
