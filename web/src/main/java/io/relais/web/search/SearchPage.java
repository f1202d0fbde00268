package io.relais.web.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.relais.web.layout.Pages;
import io.relais.web.services.SearchApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/**
 * Search with facets and filters. Hits and facet counts come permission-trimmed from search-service;
 * snippets come back with the matched words marked and everything else escaped by the service.
 */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "admin"})
public class SearchPage {

    @Inject
    Pages pages;

    @Inject
    @RestClient
    SearchApi search;

    @Inject
    @Location("search/page.html")
    Template page;

    @Inject
    @Location("search/results.html")
    Template results;

    @GET
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("type") List<String> types,
                                   @QueryParam("community") List<String> communities,
                                   @QueryParam("author") List<String> authors, @QueryParam("cursor") String cursor,
                                   @HeaderParam("HX-Request") String htmx) {
        String query = q == null ? "" : q.strip();
        JsonNode answer = query.isEmpty() ? null : search.search(query, types, communities, authors, cursor);
        // htmx (typing, ticking a facet) only needs the results; a plain request gets the whole page
        Template template = "true".equals(htmx) ? results : page;
        return pages.of(template).data("nav", "search").data("query", query).data("result", answer)
                .data("types", types == null ? List.of() : types)
                .data("communities", communities == null ? List.of() : communities)
                .data("authors", authors == null ? List.of() : authors);
    }
}
