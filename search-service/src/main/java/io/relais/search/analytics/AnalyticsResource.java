package io.relais.search.analytics;

import io.relais.events.Iri;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import io.relais.search.query.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;

/**
 * Community managers' insights: per community and organisation-wide, as JSON or, with {@code Accept: text/csv},
 * one CSV row per bucket. Bad parameters are a 400 problem+json naming the field.
 */
@Path("/api/analytics")
@Tag(name = "analytics")
public class AnalyticsResource {

    static final String CSV = "text/csv";
    static final String FIGURES = "Every figure is defined in the answer's definitions: activeMembers = distinct people who "
            + "wrote, reacted or opened something in the bucket; contributors = distinct people who posted or commented; "
            + "readers = active people who opened something but neither wrote nor reacted; members = members at the bucket's "
            + "end; joins, leaves, memberGrowth = joins - leaves; posts, comments, reactions; questions = posts ending with '?' "
            + "or tagged #question; questionsAnswered = questions with a comment by someone else before the period's end; "
            + "medianMinutesToFirstReply; participation = share of posts + comments by the top 1% / next 9% / other 90% of "
            + "contributors; announcementReach and cardReach = people of their audience (organisation: the directory; a "
            + "community: its members at publication) who opened the bucket's announcements or cards by the period's end, "
            + "divided by the audience, in percent; topReach = the five most opened readable announcements and cards with "
            + "audience, openers and reach; topHashtags. Opens come from feed-service's View (one per person, item and day); "
            + "no answer says who opened what. A figure about fewer than relais.analytics.min-group people (default 5) is "
            + "null and listed in withheld with the reason (reach: fewer openers; an item is listed only when its audience "
            + "and its openers are both that many). With Accept: text/csv: a header row, then one row per bucket.";

    @Inject
    InsightsService insights;

    @Inject
    CurrentPerson person;

    @GET
    @Path("/communities/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EMPLOYEE, Roles.COMMUNITY_MANAGER, Roles.ADMIN})
    @Operation(summary = "Insights of a community over a period, per day, week or month", description = "For the community's "
            + "owners and moderators, community managers and administrators. A secret community is 404 to every non-member, "
            + "whatever their role; a private one to non-members other than managers and administrators, who get its "
            + "figures but none of its content or people. " + FIGURES)
    @APIResponse(responseCode = "200", description = "The figures (JSON, or CSV with Accept: text/csv)")
    @APIResponse(responseCode = "400", description = "Unknown bucket, from after to, or a period too long for the bucket")
    @APIResponse(responseCode = "403", description = "Not an owner or moderator of the community, nor a manager or admin")
    @APIResponse(responseCode = "404", description = "No such community, a secret one the caller is not a member of, or a "
            + "private one the caller is neither a member of nor a manager or administrator")
    public Insights community(
            @Parameter(description = "Community slug or IRI", example = "design-guild") @PathParam("slug") String slug,
            @Parameter(description = "Start (date or instant, UTC; default 30 days before to)", example = "2026-10-01") @QueryParam("from") String from,
            @Parameter(description = "End (date or instant, inclusive; default now)", example = "2026-10-31") @QueryParam("to") String to,
            @Parameter(description = "day (period up to 92 days), week or month (up to 731 days); default week", example = "week") @QueryParam("bucket") String bucket) {
        Request r = Request.of(from, to, bucket);
        return insights.community(community(slug), r.from, r.to, r.bucket, person);
    }

    @GET
    @Path("/communities/{slug}")
    @Produces(CSV)
    @RolesAllowed({Roles.EMPLOYEE, Roles.COMMUNITY_MANAGER, Roles.ADMIN})
    @Operation(hidden = true)
    public Response communityCsv(@PathParam("slug") String slug, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("bucket") String bucket) {
        Insights i = community(slug, from, to, bucket);
        return csv(i, "insights-" + Iri.localId(i.community()) + "-" + i.bucket());
    }

    @GET
    @Path("/organisation")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.ADMIN})
    @Operation(summary = "Insights of the whole organisation over a period, per day, week or month", description = "For "
            + "community managers and administrators: every community and the posts addressed to the whole organisation; "
            + "members = people who belong to at least one community. Top hashtags, contributors and posts come only from "
            + "what the caller may read. " + FIGURES)
    @APIResponse(responseCode = "200", description = "The figures (JSON, or CSV with Accept: text/csv)")
    @APIResponse(responseCode = "400", description = "Unknown bucket, from after to, or a period too long for the bucket")
    public Insights organisation(
            @Parameter(description = "Start (date or instant, UTC; default 30 days before to)", example = "2026-10-01") @QueryParam("from") String from,
            @Parameter(description = "End (date or instant, inclusive; default now)", example = "2026-10-31") @QueryParam("to") String to,
            @Parameter(description = "day, week or month; default week", example = "month") @QueryParam("bucket") String bucket) {
        Request r = Request.of(from, to, bucket);
        return insights.organisation(r.from, r.to, r.bucket, person);
    }

    @GET
    @Path("/organisation")
    @Produces(CSV)
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.ADMIN})
    @Operation(hidden = true)
    public Response organisationCsv(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("bucket") String bucket) {
        Insights i = organisation(from, to, bucket);
        return csv(i, "insights-organisation-" + i.bucket());
    }

    private static Response csv(Insights i, String name) {
        String file = (name + "-" + i.period().start() + "-" + i.period().end()).replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
        return Response.ok(InsightsCsv.of(i)).type(CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private static String community(String slug) {
        try {
            String s = QueryParams.text(slug).trim();
            return s.startsWith("urn:") ? s : Iri.community(s);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("community " + slug);
        }
    }

    /** The period and bucket, checked: from ≤ to, and the period no longer than the bucket allows. */
    private record Request(Instant from, Instant to, Bucket bucket) {
        static Request of(String from, String to, String bucket) {
            Bucket b = Bucket.of(bucket);
            Instant until = QueryParams.date(to, "to", true);
            Instant since = QueryParams.date(from, "from", false);
            Instant end = until == null ? Instant.now() : until;
            Instant start = since == null ? end.minus(Duration.ofDays(30)) : since;
            if (start.isAfter(end)) throw ProblemException.invalid("from", "must not be after to");
            if (Duration.between(start, end).compareTo(b.longestPeriod()) > 0) {
                throw ProblemException.invalid("from", "a period with " + b.key() + " buckets may span at most "
                        + b.longestPeriod().toDays() + " days");
            }
            return new Request(start, end, b);
        }
    }
}
