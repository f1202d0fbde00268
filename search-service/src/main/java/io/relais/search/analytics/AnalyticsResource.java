package io.relais.search.analytics;

import io.relais.events.Iri;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import io.relais.search.query.QueryParams;
import io.relais.search.query.Viewers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;

@Path("/api/analytics/communities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "analytics")
public class AnalyticsResource {

    static final Duration LONGEST_PERIOD = Duration.ofDays(731);

    @Inject
    EngagementAnalytics analytics;

    @Inject
    Viewers viewers;

    @Inject
    CurrentPerson person;

    @GET
    @Path("/{slug}")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.ADMIN})
    @Operation(summary = "Engagement of a community over a period",
            description = "Posts, comments, reactions, active and current members, top contributors, top posts and a "
                    + "weekly series; each figure is explained in definitions. A private or secret community is 404 for "
                    + "whoever is not a member of it (community managers and administrators included); figures count "
                    + "only what the caller may read.")
    @APIResponse(responseCode = "404", description = "No such community, or a private or secret one the caller is not in")
    public CommunityEngagement community(
            @Parameter(description = "Community slug or IRI", example = "design-guild") @PathParam("slug") String slug,
            @Parameter(description = "Start (date or instant; default 30 days before to)", example = "2026-10-01") @QueryParam("from") String from,
            @Parameter(description = "End (date or instant, inclusive; default now)", example = "2026-10-31") @QueryParam("to") String to) {
        String community;
        try {
            slug = QueryParams.text(slug).trim();
            community = slug.startsWith("urn:") ? slug : Iri.community(slug);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("community " + slug);
        }
        Instant until = QueryParams.date(to, "to", true);
        Instant since = QueryParams.date(from, "from", false);
        Instant end = until == null ? Instant.now() : until;
        Instant start = since == null ? end.minus(Duration.ofDays(30)) : since;
        if (start.isAfter(end)) throw ProblemException.invalid("from", "must not be after to");
        if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw ProblemException.invalid("from", "the period may span at most two years");
        }
        return analytics.of(community, start, end, viewers.of(person));
    }
}
