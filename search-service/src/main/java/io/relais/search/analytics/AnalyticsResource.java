package io.relais.search.analytics;

import io.relais.events.Iri;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

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
                    + "weekly series; each figure is explained in definitions. A secret community is 404 for whoever is "
                    + "not a member of it.")
    @APIResponse(responseCode = "404", description = "No such community, or a secret one the caller is not in")
    public CommunityEngagement community(
            @Parameter(description = "Community slug or IRI", example = "design-guild") @PathParam("slug") String slug,
            @Parameter(description = "Start (date or instant; default 30 days before to)", example = "2026-10-01") @QueryParam("from") String from,
            @Parameter(description = "End (date or instant, inclusive; default now)", example = "2026-10-31") @QueryParam("to") String to) {
        String community;
        try {
            community = slug.startsWith("urn:") ? slug : Iri.community(slug);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("community " + slug);
        }
        Instant end = to == null || to.isBlank() ? Instant.now() : date(to, "to", true);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(30)) : date(from, "from", false);
        if (start.isAfter(end)) throw ProblemException.invalid("from", "must not be after to");
        if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw ProblemException.invalid("from", "the period may span at most two years");
        }
        return analytics.of(community, start, end, viewers.of(person));
    }

    private static Instant date(String s, String field, boolean endOfDay) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate d = LocalDate.parse(s);
                return endOfDay ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : d.atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(field, "must be a date (2026-01-31) or an instant (2026-01-31T08:00:00Z)");
            }
        }
    }
}
