package io.relais.web.services;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * search-service as the web app uses it (filters are comma-separated lists). Every call carries the reader's token and
 * the page's language ({@link UserTokenAndLanguage}), in which search-service writes titles and snippets.
 */
@RegisterRestClient(configKey = "search")
@RegisterClientHeaders(UserTokenAndLanguage.class)
@Produces(MediaType.APPLICATION_JSON)
public interface SearchApi {

    @GET
    @Path("/api/search")
    JsonNode search(@QueryParam("q") String query, @QueryParam("type") String types,
                    @QueryParam("community") String communities, @QueryParam("author") String authors,
                    @QueryParam("source") String sources, @QueryParam("sort") String sort,
                    @QueryParam("cursor") String cursor);

    @GET
    @Path("/api/search/suggest")
    JsonNode suggest(@QueryParam("q") String prefix, @QueryParam("types") String types, @QueryParam("limit") Integer limit);

    @GET
    @Path("/api/search/people")
    JsonNode people(@QueryParam("q") String query, @QueryParam("limit") Integer limit);

    /** Insights of one community (dates YYYY-MM-DD, inclusive; bucket day, week or month); 404 for a secret one I may not know. */
    @GET
    @Path("/api/analytics/communities/{slug}")
    JsonNode communityInsights(@PathParam("slug") String slug, @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("bucket") String bucket);

    /** The same as CSV: a header row and one row per bucket. */
    @GET
    @Path("/api/analytics/communities/{slug}")
    @Produces("text/csv")
    String communityInsightsCsv(@PathParam("slug") String slug, @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("bucket") String bucket);

    /** Insights of the whole organisation (community managers and administrators). */
    @GET
    @Path("/api/analytics/organisation")
    JsonNode organisationInsights(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("bucket") String bucket);

    /** The same as CSV. */
    @GET
    @Path("/api/analytics/organisation")
    @Produces("text/csv")
    String organisationInsightsCsv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("bucket") String bucket);
}
