package io.relais.feed.feedview;

import io.relais.feed.threadview.PostView;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The "relevant" order's formula, kept in one small class so it reads like its documentation:
 * <pre>
 * affinity   = 1 for one's own post, else min(1, 0.5·follows(author) + 0.3·inMyCommunity + 0.2·min(1, interactions/5))
 * engagement = min(1, ln(1 + reactions + 2·comments) / ln(1 + saturation))
 * recency    = 0.5 ^ (age / halfLife)
 * total      = wa·affinity + we·engagement + wr·recency + (announcement ? boost : 0)
 * </pre>
 */
final class RelevanceScore {

    private final FeedConfig.Relevance config;
    private final String viewer;
    private final Set<String> followed;
    private final Set<String> myCommunities;
    private final Map<String, Integer> interactionsWithAuthors;
    private final Instant asOf;

    RelevanceScore(FeedConfig.Relevance config, String viewer, Set<String> followed, Set<String> myCommunities,
                   Map<String, Integer> interactionsWithAuthors, Instant asOf) {
        this.config = config;
        this.viewer = viewer;
        this.followed = followed;
        this.myCommunities = myCommunities;
        this.interactionsWithAuthors = interactionsWithAuthors;
        this.asOf = asOf;
    }

    Relevance of(PostView post, boolean announcement) {
        double affinity = affinity(post);
        double engagement = engagement(post);
        double recency = recency(post.created());
        double boost = announcement ? config.announcementBoost() : 0;
        double total = config.affinityWeight() * affinity + config.engagementWeight() * engagement
                + config.recencyWeight() * recency + boost;
        return new Relevance(round(affinity), round(engagement), round(recency), boost, round(total));
    }

    double affinity(PostView post) {
        String author = post.author() == null ? null : post.author().iri();
        if (author == null) return 0;
        if (author.equals(viewer)) return 1;
        double follows = followed.contains(author) ? 1 : 0;
        String community = post.community() == null ? null : post.community().iri();
        double sameCommunity = community != null && (myCommunities.contains(community) || followed.contains(community)) ? 1 : 0;
        double interactions = Math.min(1.0, interactionsWithAuthors.getOrDefault(author, 0) / 5.0);
        return Math.min(1.0, 0.5 * follows + 0.3 * sameCommunity + 0.2 * interactions);
    }

    double engagement(PostView post) {
        long reactions = post.reactions() == null ? 0
                : post.reactions().values().stream().mapToLong(Long::longValue).sum();
        double weighted = reactions + 2.0 * post.commentCount();
        return Math.min(1.0, Math.log1p(weighted) / Math.log1p(config.engagementSaturation()));
    }

    double recency(Instant created) {
        if (created == null) return 0;
        double ageMillis = Math.max(0, Duration.between(created, asOf).toMillis());
        return Math.pow(0.5, ageMillis / (double) config.halfLife().toMillis());
    }

    /** Scores are shown to people and compared by tests: six decimals are plenty and stable. */
    private static double round(double v) {
        return Math.round(v * 1_000_000d) / 1_000_000d;
    }
}
