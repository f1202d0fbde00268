package io.relais.search.suggest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One completion for the search box. {@code uses} is the number of items (posts, comments, cards) the reader may
 * see that carry the hashtag, for hashtags only (absent for people and communities): clients word it in the reader's
 * language rather than parsing {@code detail}.
 */
public record Suggestion(
        @Schema(example = "community", enumeration = {"person", "community", "hashtag"}) String type,
        @Schema(example = "urn:relais:community:design-guild") String id,
        @Schema(example = "Design guild") String label,
        @Schema(description = "Job title for a person, visibility for a community, uses for a hashtag", example = "public")
        String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "For a hashtag: how many items the reader may see carry it; absent otherwise", example = "12")
        Integer uses) {
}
