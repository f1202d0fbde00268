package io.relais.search.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One page of search results. */
@Schema(description = "A page of permission-trimmed results: every figure counts only what the caller may see")
public record SearchPage(
        @Schema(description = "How many items match in total", example = "42") long total,
        List<Hit> hits,
        @Schema(description = "Counts per value for each filter: type, community, author, source, date "
                + "(date keys: day, week, month, year = published within the last 1/7/30/365 days; older)",
                example = "{\"type\":{\"post\":30,\"comment\":12},\"community\":{\"urn:relais:community:design\":8},"
                        + "\"author\":{\"urn:relais:person:alice\":5},\"source\":{\"Workday\":2},"
                        + "\"date\":{\"day\":3,\"week\":10,\"month\":25,\"year\":42,\"older\":0}}")
        Map<String, Map<String, Long>> facets,
        @Schema(description = "Display names of the people and communities named in hits and facets")
        Map<String, String> labels,
        @Schema(description = "Pass as cursor to get the next page; absent on the last page") String nextCursor) {

    @Schema(name = "SearchHit")
    public record Hit(
            @Schema(example = "urn:relais:post:01936f7e-8a1b-7c2d-9e3f-0a1b2c3d4e5f") String id,
            @Schema(example = "post", enumeration = {"post", "comment", "event", "document", "person", "community"}) String type,
            @Schema(description = "Plain text, to be escaped; a card's in the reader's language (Accept-Language)",
                    example = "Kick-off du projet Relais") String title,
            @Schema(description = "HTML-escaped text; matched words in <mark>; an item whose text comes in several "
                    + "languages shows one: the reader's, else the one where a searched word is marked",
                    example = "… toute l'<mark>équipe</mark> est invitée …") String snippet,
            @Schema(example = "urn:relais:person:alice") String author,
            @Schema(example = "urn:relais:community:design") String community,
            @Schema(description = "Business system for events and documents", example = "Workday") String source,
            Instant published,
            String url,
            @Schema(description = "For a comment: the post it belongs to") String context) {
    }
}
