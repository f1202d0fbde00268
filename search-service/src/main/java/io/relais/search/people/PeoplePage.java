package io.relais.search.people;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** People matching a query, and who writes most about it: the expertise finder. */
public record PeoplePage(
        @Schema(example = "3") long total,
        List<Person> people,
        @Schema(description = "Authors of the visible posts and comments that match the query, most prolific first")
        List<Contributor> contributors) {

    @Schema(name = "PersonHit")
    public record Person(
            @Schema(example = "urn:relais:person:alice") String id,
            @Schema(example = "alice") String login,
            @Schema(example = "Alice Martin") String name,
            @Schema(example = "Data engineer") String title,
            @Schema(example = "R&D") String department,
            @Schema(example = "Lyon") String location,
            List<String> skills,
            @Schema(example = "active") String status,
            String icon,
            @Schema(description = "HTML-escaped profile text; matched words in <mark>") String snippet) {
    }

    public record Contributor(
            @Schema(example = "urn:relais:person:bob") String id,
            @Schema(example = "Bob Durand") String name,
            @Schema(description = "How many matching posts and comments they wrote", example = "4") long matchingItems) {
    }
}
