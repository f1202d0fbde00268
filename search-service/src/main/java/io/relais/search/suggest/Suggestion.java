package io.relais.search.suggest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One completion for the search box. */
public record Suggestion(
        @Schema(example = "community", enumeration = {"person", "community", "hashtag"}) String type,
        @Schema(example = "urn:relais:community:design-guild") String id,
        @Schema(example = "Design guild") String label,
        @Schema(description = "Job title for a person, visibility for a community, uses for a hashtag", example = "public")
        String detail) {
}
