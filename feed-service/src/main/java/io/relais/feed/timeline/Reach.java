package io.relais.feed.timeline;

import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.feed.community.MembershipService;
import io.relais.feed.follow.FollowService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, for a source of posts (a community, an author, a hashtag, the organisation), whether its
 * posts are pushed into each reader's timeline or pulled from the source's own timeline on read.
 * Fan-out and readers ask the same question, so a source switches mode for both at once.
 */
@ApplicationScoped
public class Reach {

    @Inject
    MembershipService membership;

    @Inject
    FollowService follows;

    @Inject
    FanOutConfig config;

    private record Known(long size, long at) {
    }

    private final ConcurrentHashMap<String, Known> sizes = new ConcurrentHashMap<>();

    /** True when the source's audience is above the pull threshold (always for organisation-wide). */
    public boolean isPulled(String source) {
        if (Audience.isOrganisationWide(source)) return true;
        return audienceSize(source) > config.pullThreshold();
    }

    /**
     * Reads the audience sizes of many sources at once (two keyed reads) so that the decisions of a whole
     * fan-out batch come from the cache instead of a round trip per source.
     */
    public void prefetch(Collection<String> sources) {
        long ttl = config.reachCacheTtl().toMillis();
        if (ttl <= 0) return;
        long now = System.currentTimeMillis();
        List<String> stale = sources.stream().filter(s -> !Audience.isOrganisationWide(s)).distinct()
                .filter(s -> { Known k = sizes.get(s); return k == null || now - k.at() >= ttl; }).toList();
        if (stale.isEmpty()) return;
        Map<String, Long> followers = follows.followerCounts(stale);
        Map<String, Long> members = membership.memberCounts(stale.stream().filter(s -> Iri.isKind(s, Iri.COMMUNITY)).toList());
        for (String s : stale) {
            sizes.put(s, new Known(followers.getOrDefault(s, 0L) + members.getOrDefault(s, 0L), now));
        }
    }

    /** Members plus followers of a community; followers of a person or hashtag. */
    public long audienceSize(String source) {
        long ttl = config.reachCacheTtl().toMillis();
        long now = System.currentTimeMillis();
        Known known = ttl > 0 ? sizes.get(source) : null;
        if (known != null && now - known.at() < ttl) return known.size();
        long size = follows.followerCount(source);
        if (Iri.isKind(source, Iri.COMMUNITY)) size += membership.memberCount(source);
        if (ttl > 0) sizes.put(source, new Known(size, now));
        return size;
    }
}
