package io.relais.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
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
 * The community managers' insights dashboard: the whole organisation or one community (the communities I can see,
 * narrowed by name with {@code q}), over the last 7, 30, 90 or 365 days, per day, week or month; figures from
 * search-service's analytics with their definitions, two server-drawn SVG charts and a CSV download
 * ({@code /dashboard/export.csv}, search-service's own CSV). Everyone else gets the 403 page (mapped in ServiceErrors).
 */
@Path("/dashboard")
@RolesAllowed({"community-manager", "admin"})
public class DashboardPage {

    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);
    static final int DEFAULT_PERIOD = 30;
    static final List<String> BUCKETS = List.of("day", "week", "month");
    static final String DEFAULT_BUCKET = "week";
    /** search-service accepts day buckets over at most 92 days. */
    static final int LONGEST_DAILY = 92;
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
                         @QueryParam("bucket") String bucket, @QueryParam("q") String query) {
        int period = period(days);
        String b = bucket(bucket, period);
        String q = query == null || query.isBlank() ? null : cut(query.strip(), MAX_QUERY);
        JsonNode communities = feed.communities(q, FeedApi.MAX_PAGE);
        String slug = community == null || community.isBlank() ? null : community.strip();
        TemplateInstance view = pages.of(page).data("nav", "dashboard").data("communities", communities)
                .data("slug", slug).data("days", period).data("periods", PERIODS).data("bucket", b)
                .data("buckets", BUCKETS).data("q", q == null ? "" : q)
                .data("mayBeMore", communities.size() >= FeedApi.MAX_PAGE);
        int status = 200;
        try {
            view.data("insights", insights(slug, period, b));
        } catch (ClientWebApplicationException e) {
            notFoundOrRethrow(e);
            // unknown community, or a secret one this manager may not know: same answer, nothing revealed
            view.data("notFound", true);
            status = 404;
        }
        return Response.status(status).entity(view.render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** search-service's CSV of the same choice: a header row and one row per bucket. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("community") String community, @QueryParam("days") String days,
                           @QueryParam("bucket") String bucket) {
        int period = period(days);
        String b = bucket(bucket, period);
        String slug = community == null || community.isBlank() ? null : community.strip();
        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = to.minusDays(period - 1L);
        String csv;
        try {
            csv = slug == null ? search.organisationInsightsCsv(from.toString(), to.toString(), b)
                    : search.communityInsightsCsv(slug, from.toString(), to.toString(), b);
        } catch (ClientWebApplicationException e) {
            notFoundOrRethrow(e);
            return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(pages.msg().dashboardNotFound()).build();
        }
        String file = "insights-" + (slug == null ? "organisation" : slug).replaceAll("[^A-Za-z0-9._-]", "_") + "-" + b + "-"
                + from + "-" + to + ".csv";
        return Response.ok(csv).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private InsightsView insights(String slug, int period, String bucket) {
        // "last N days" = today and the N-1 days before it, in UTC like the service's buckets
        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = to.minusDays(period - 1L);
        JsonNode json = slug == null ? search.organisationInsights(from.toString(), to.toString(), bucket)
                : search.communityInsights(slug, from.toString(), to.toString(), bucket);
        InsightsMsg m = MessageBundles.get(InsightsMsg.class, Localized.Literal.of(pages.locale().getLanguage()));
        return InsightsView.of(json, List.of(pages.msg().fPosts(), pages.msg().fComments(), pages.msg().fReactions()),
                List.of(m.contributors(), m.reactedOnly(), m.openedOnly()), List.of(m.fAnnouncementReach(), m.fCardReach()));
    }

    /** Anything but one of the offered periods (even "abc") falls back to the default, never an error. */
    public static int period(String days) {
        return PERIODS.stream().filter(p -> String.valueOf(p).equals(days)).findFirst().orElse(DEFAULT_PERIOD);
    }

    /** An unknown bucket falls back to weeks, and so do days over a period too long for them. */
    public static String bucket(String bucket, int period) {
        String b = bucket != null && BUCKETS.contains(bucket) ? bucket : DEFAULT_BUCKET;
        return "day".equals(b) && period > LONGEST_DAILY ? DEFAULT_BUCKET : b;
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
