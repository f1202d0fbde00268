package io.relais.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.relais.web.layout.Pages;
import io.relais.web.services.FeedApi;
import io.relais.web.services.SearchApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The community managers' dashboard: the communities I can see (at most feed-service's page, narrowed by name
 * with {@code q}), and for one of them the engagement figures of the last 7, 30 or 90 days (search-service
 * analytics), each with what it counts, and the same as a CSV file ({@code /dashboard/export.csv}).
 * Everyone else gets the 403 page (mapped in ServiceErrors).
 */
@Path("/dashboard")
@RolesAllowed({"community-manager", "admin"})
public class DashboardPage {

    static final List<Integer> PERIODS = List.of(7, 30, 90);
    static final int DEFAULT_PERIOD = 30;
    /** feed-service refuses longer directory queries. */
    static final int MAX_QUERY = 80;

    @Inject
    Pages pages;


    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    @RestClient
    SearchApi search;

    @Inject
    @Location("dashboard/page.html")
    Template page;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("community") String community, @QueryParam("days") String days,
                         @QueryParam("q") String query) {
        int period = period(days);
        String q = query == null || query.isBlank() ? null : cut(query.strip(), MAX_QUERY);
        JsonNode communities = feed.communities(q, FeedApi.MAX_PAGE);
        String slug = community != null && !community.isBlank() ? community.strip()
                : communities.path(0).path("slug").asText(null);
        TemplateInstance view = pages.of(page).data("nav", "dashboard").data("communities", communities)
                .data("slug", slug).data("days", period).data("periods", PERIODS).data("q", q == null ? "" : q)
                .data("mayBeMore", communities.size() >= FeedApi.MAX_PAGE);
        int status = 200;
        if (slug != null) {
            try {
                view.data("engagement", engagement(slug, period));
            } catch (ClientWebApplicationException e) {
                notFoundOrRethrow(e);
                // unknown community, or a secret one this manager is not in: same answer, nothing revealed
                view.data("notFound", true);
                status = 404;
            }
        }
        return Response.status(status).entity(view.render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** The figures with their definitions and the weekly series, as one CSV table in the reader's language. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("community") String community, @QueryParam("days") String days) {
        if (community == null || community.isBlank()) {
            return Response.seeOther(java.net.URI.create("/dashboard")).build();
        }
        int period = period(days);
        Engagement engagement;
        try {
            engagement = engagement(community.strip(), period);
        } catch (ClientWebApplicationException e) {
            notFoundOrRethrow(e);
            return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(pages.msg().dashboardNotFound()).build();
        }
        String file = "engagement-" + community.strip().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + engagement.fromDate() + "-" + engagement.toDate() + ".csv";
        return Response.ok(EngagementCsv.of(engagement, community.strip(), pages.msg()))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private Engagement engagement(String slug, int period) {
        // "last N days" = today and the N-1 days before it, in UTC like the service's weeks
        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = to.minusDays(period - 1L);
        return Engagement.of(search.communityEngagement(slug, from.toString(), to.toString()));
    }

    /** Anything but one of the offered periods (even "abc") falls back to the default, never an error. */
    private static int period(String days) {
        return PERIODS.stream().filter(p -> String.valueOf(p).equals(days)).findFirst().orElse(DEFAULT_PERIOD);
    }

    private static void notFoundOrRethrow(ClientWebApplicationException e) {
        int refused = e.getResponse().getStatus();
        if (refused != 404 && refused != 403) {
            throw e;
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, s.offsetByCodePoints(0, Math.min(max, s.codePointCount(0, s.length()))));
    }
}
