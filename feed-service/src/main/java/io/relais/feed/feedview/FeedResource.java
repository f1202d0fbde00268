package io.relais.feed.feedview;

import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/feed")
@Tag(name = "feeds", description = "Home, community, person and hashtag feeds, newest first, cursor-paginated")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
public class FeedResource {

    static final String PAGE_EXAMPLE = """
            {"order": "newest", "next": "dDF8MTc2Mzc5NzYwMDAwMHx1cm46cmVsYWlzOnBvc3Q6MDE5Yg",
             "items": [{"post": {"id": "urn:relais:post:019b1c2e-...", "type": "Note", "kind": "post",
                        "author": {"iri": "urn:relais:person:bob", "login": "bob", "displayName": "Bob Martin"},
                        "content": "<p>Démo du projet Atlas jeudi 14h #atlas</p>", "reactions": {"like": 3},
                        "commentCount": 2, "created": "2026-11-22T09:00:00Z"},
                        "reasons": ["member"], "pinned": false}]}""";

    static final String RELEVANT_EXAMPLE = """
            {"order": "relevant", "next": null,
             "items": [{"post": {"id": "urn:relais:post:019b...", "kind": "announcement"}, "reasons": ["announcement"],
                        "pinned": true, "relevance": {"affinity": 0.0, "engagement": 0.1, "recency": 0.9,
                        "announcement": 10.0, "total": 10.295}},
                       {"post": {"id": "urn:relais:post:019a..."}, "reasons": ["follows-author"], "pinned": false,
                        "relevance": {"affinity": 0.5, "engagement": 0.35, "recency": 0.71, "announcement": 0.0,
                        "total": 0.5005}}]}""";

    @Inject
    Feeds feeds;

    @Inject
    CurrentPerson me;

    @GET
    @Path("/home")
    @Operation(summary = "My home feed", description = "What I follow and my communities, plus organisation-wide "
            + "posts; active announcements first. order=newest (default) or relevant (each item then carries its "
            + "score breakdown). Pass the previous page's next as cursor; never offsets.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "newest", value = PAGE_EXAMPLE),
            @ExampleObject(name = "relevant", value = RELEVANT_EXAMPLE)}))
    @APIResponse(responseCode = "400", description = "limit out of range, unknown order or foreign cursor (problem+json)")
    public FeedPage home(@QueryParam("order") @DefaultValue("newest") String order,
                         @QueryParam("cursor") String cursor,
                         @Parameter(description = "page size, 1..50 (default 20)") @QueryParam("limit") Integer limit) {
        return feeds.home(feeds.readerOf(me), order, cursor, feeds.pageSize(limit));
    }

    @GET
    @Path("/communities/{slug}")
    @Operation(summary = "A community's feed, pinned posts first",
            description = "404 for a private or secret community the caller is not a member of, as for an unknown one.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "no such community, or not one the caller may read")
    public FeedPage community(@PathParam("slug") String slug, @QueryParam("cursor") String cursor,
                              @QueryParam("limit") Integer limit) {
        return feeds.community(feeds.readerOf(me), slug, cursor, feeds.pageSize(limit));
    }

    @GET
    @Path("/people/{login}")
    @Operation(summary = "What a person posted, limited to what the caller may see")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    public FeedPage person(@PathParam("login") String login, @QueryParam("cursor") String cursor,
                           @QueryParam("limit") Integer limit) {
        return feeds.person(feeds.readerOf(me), login, cursor, feeds.pageSize(limit));
    }

    @GET
    @Path("/hashtags/{tag}")
    @Operation(summary = "Posts with a hashtag, limited to what the caller may see")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)))
    public FeedPage hashtag(@PathParam("tag") String tag, @QueryParam("cursor") String cursor,
                            @QueryParam("limit") Integer limit) {
        return feeds.hashtag(feeds.readerOf(me), tag, cursor, feeds.pageSize(limit));
    }
}
