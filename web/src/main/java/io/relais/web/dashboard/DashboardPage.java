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
 * The community managers' dashboard: the communities I can see, and for one of them the engagement
 * figures of the last 7, 30 or 90 days (search-service analytics), each with what it counts.
 * Everyone else gets the 403 page (mapped in ServiceErrors).
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"community-manager", "admin"})
public class DashboardPage {

    static final List<Integer> PERIODS = List.of(7, 30, 90);
    static final int DEFAULT_PERIOD = 30;

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
    public Response show(@QueryParam("community") String community, @QueryParam("days") String days) {
        // anything but one of the offered periods (even "abc") falls back to the default, never an error
        int period = PERIODS.stream().filter(p -> String.valueOf(p).equals(days)).findFirst().orElse(DEFAULT_PERIOD);
        JsonNode communities = feed.communities(null, 100);
        String slug = community != null && !community.isBlank() ? community.strip()
                : communities.path(0).path("slug").asText(null);
        TemplateInstance view = pages.of(page).data("nav", "dashboard").data("communities", communities)
                .data("slug", slug).data("days", period).data("periods", PERIODS);
        int status = 200;
        if (slug != null) {
            // "last N days" = today and the N-1 days before it, in UTC like the service's weeks
            LocalDate to = LocalDate.now(ZoneOffset.UTC);
            LocalDate from = to.minusDays(period - 1L);
            try {
                view.data("engagement", Engagement.of(search.communityEngagement(slug, from.toString(), to.toString())));
            } catch (ClientWebApplicationException e) {
                int refused = e.getResponse().getStatus();
                if (refused != 404 && refused != 403) {
                    throw e;
                }
                // unknown community, or a secret one this manager is not in: same answer, nothing revealed
                view.data("notFound", true);
                status = 404;
            }
        }
        return Response.status(status).entity(view.render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
