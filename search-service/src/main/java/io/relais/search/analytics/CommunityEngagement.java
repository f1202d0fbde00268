package io.relais.search.analytics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Engagement figures of one community over a period, each one explained in {@code definitions}. */
public record CommunityEngagement(
        @Schema(example = "urn:relais:community:design-guild") String community,
        @Schema(example = "Design guild") String name,
        Instant from,
        Instant to,
        @Schema(example = "12") long posts,
        @Schema(example = "30") long comments,
        @Schema(example = "55") long reactions,
        @Schema(example = "9") long activeMembers,
        @Schema(example = "25") long members,
        List<Contributor> topContributors,
        List<TopPost> topPosts,
        List<Week> weeks,
        @Schema(description = "What each figure counts") Map<String, String> definitions) {

    public record Contributor(String id, String name, long posts, long comments, long reactions) {
    }

    public record TopPost(String id, String title, String author, Instant published, long comments, long reactions) {
    }

    public record Week(@Schema(description = "Monday of the week (UTC)", example = "2026-11-16") LocalDate weekOf,
                       long posts, long comments, long reactions) {
    }

    static final Map<String, String> DEFINITIONS = Map.of(
            "posts", "posts published in the community during the period (deleted posts are not counted)",
            "comments", "comments and replies published in the community's threads during the period",
            "reactions", "reactions (like, celebrate, insightful, support) given during the period to the community's "
                    + "posts and comments and not withdrawn",
            "activeMembers", "distinct people who posted, commented or reacted in the community during the period",
            "members", "people who are members of the community now (any role)",
            "topContributors", "the five people with the most posts + comments in the period (reactions break ties)",
            "topPosts", "the five posts published in the period that received the most comments + reactions so far",
            "weeks", "posts, comments and reactions per calendar week (Monday to Sunday, UTC) of the period");
}
