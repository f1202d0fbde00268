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
 * its snippets are HTML-escaped text with the matched words in {@code <mark>}, so they are shown as is.
 */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "admin"})
public class SearchPage {

    /** The facets offered as filters, in this order. */
    static final List<String> FILTERS = List.of("type", "community", "author", "source");

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
                                   @QueryParam("author") List<String> authors, @QueryParam("source") List<String> sources,
                                   @QueryParam("sort") String sort, @QueryParam("cursor") String cursor,
                                   @HeaderParam("HX-Request") String htmx) {
        String query = QueryLength.clip(q);
        Filters chosen = new Filters(clean(types), clean(communities), clean(authors), clean(sources));
        JsonNode answer = query.isEmpty() ? null
                : search.search(query, chosen.csv(chosen.type()), chosen.csv(chosen.community()),
                chosen.csv(chosen.author()), chosen.csv(chosen.source()), "recent".equals(sort) ? "recent" : null, cursor);
        // htmx (typing, ticking a filter) only needs the results; a plain request gets the whole page
        Template template = "true".equals(htmx) ? results : page;
        return pages.of(template).data("nav", "search").data("query", query).data("result", answer)
                .data("chosen", chosen).data("filters", FILTERS).data("sort", sort == null ? "" : sort)
                .data("shortened", QueryLength.tooLong(q) ? pages.msg().searchShortened(QueryLength.MAX) : "");
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    /** The filters ticked on the page. */
    @io.quarkus.qute.TemplateData
    public record Filters(List<String> type, List<String> community, List<String> author, List<String> source) {

        public boolean has(String facet, String value) {
            return switch (facet) {
                case "type" -> type.contains(value);
                case "community" -> community.contains(value);
                case "author" -> author.contains(value);
                case "source" -> source.contains(value);
                default -> false;
            };
        }

        String csv(List<String> values) {
            return values.isEmpty() ? null : String.join(",", values);
        }
    }
}
