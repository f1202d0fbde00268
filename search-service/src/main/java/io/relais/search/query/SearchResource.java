package io.relais.search.query;

import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import io.relais.search.index.SearchConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
public class SearchResource {

    @Inject
    SearchService search;

    @Inject
    Viewers viewers;

    @Inject
    CurrentPerson person;

    @Inject
    SearchConfig config;

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Search posts, comments, business events, documents, people and communities",
            description = "Only what the caller may see is counted or returned: private and secret communities' "
                    + "content is trimmed inside the query, so totals and facet counts reveal nothing either.")
    @Parameter(name = "Accept-Language", in = ParameterIn.HEADER, description = "The reader's language: an item whose "
            + "text comes in several languages (a card's French and English summary) is titled and shown in the first of "
            + "these that Relais speaks (fr, en), else English", example = "fr-FR,fr;q=0.9,en;q=0.5")
    @APIResponse(responseCode = "200", description = "A page of results with facets")
    @APIResponse(responseCode = "400", description = "A parameter is invalid (problem+json naming it)")
    public SearchPage search(
            @Parameter(description = "Words (all required), \"phrases\", OR, NOT, prefix*, #hashtag, @login", example = "équipe projet")
            @QueryParam("q") String q,
            @Parameter(description = "Comma-separated: post, comment, event, document, person, community", example = "post,comment")
            @QueryParam("type") String type,
            @Parameter(description = "Community slug or IRI (comma-separated)", example = "design-guild") @QueryParam("community") String community,
            @Parameter(description = "Author login or IRI (comma-separated)", example = "alice") @QueryParam("author") String author,
            @Parameter(description = "Business system name (comma-separated)", example = "Workday") @QueryParam("source") String source,
            @Parameter(description = "Published on or after (date or instant)", example = "2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "Published on or before (date or instant)", example = "2026-12-31") @QueryParam("to") String to,
            @Parameter(description = "relevance (default) or recent", example = "recent") @QueryParam("sort") String sort,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 50 (default 20)", example = "20") @QueryParam("limit") String limit,
            @Parameter(hidden = true) @Context HttpHeaders headers) {
        SearchRequest request = SearchRequest.of(q, type, community, author, source, from, to, sort, cursor, limit,
                config.maxLimit());
        return search.search(request, viewers.of(person), ReaderLanguage.of(headers));
    }
}
