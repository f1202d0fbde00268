package io.relais.feed.feedview;

import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.events.HashtagKey;
import io.relais.events.Viewer;
import io.relais.feed.announcement.AnnouncementService;
import io.relais.feed.community.Community;
import io.relais.feed.community.CommunityService;
import io.relais.feed.community.MembershipService;
import io.relais.feed.follow.FollowService;
import io.relais.feed.readcache.ReadCaches;
import io.relais.feed.threadview.PostViews;
import io.relais.feed.threadview.PostView;
import io.relais.feed.timeline.Cursor;
import io.relais.feed.timeline.Interactions;
import io.relais.feed.timeline.Reach;
import io.relais.feed.timeline.Reasons;
import io.relais.feed.timeline.TimelineStore;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The feeds a person reads: home (newest or relevant), a community, a person, a hashtag. What a read needs besides
 * the timelines' day buckets (the reader's communities and follows, announcements and dismissals, source timelines,
 * the posts and what hydrates them, the affinity of the relevant order) comes through this replica's caches
 * ({@link ReadCaches}, {@code HotTimelines}), kept current from the activities topic; the audience rule is applied to
 * every entry for this reader on every read.
 */
@ApplicationScoped
public class Feeds {

    public static final String NEWEST = "newest";
    public static final String RELEVANT = "relevant";

    @Inject
    TimelineStore timelines;

    @Inject
    FeedReader reader;

    @Inject
    Reach reach;

    @Inject
    MembershipService membership;

    @Inject
    FollowService follows;

    @Inject
    CommunityService communities;

    @Inject
    AnnouncementService announcements;

    @Inject
    PostViews posts;

    @Inject
    Interactions interactions;

    @Inject
    FeedConfig config;

    @Inject
    ReadCaches caches;

    /** The viewer a feed is read as (the reader's communities through this replica's caches). */
    public Viewer readerOf(CurrentPerson me) {
        return membership.readerOf(me);
    }

    public int pageSize(Integer limit) {
        if (limit == null) return config.defaultPageSize();
        if (limit < 1 || limit > config.maxPageSize()) {
            throw ProblemException.invalid("limit", "must be between 1 and " + config.maxPageSize());
        }
        return limit;
    }

    /**
     * My home timeline (pushed entries) merged with the timelines I pull: the organisation's, and
     * those of the communities, people and hashtags I belong to or follow whose audience is above the
     * pull threshold. Active announcements come first.
     */
    public FeedPage home(Viewer viewer, String order, String cursor, int limit) {
        Set<String> followed = follows.following(viewer.person());
        Map<String, String> pulled = pulledSources(viewer, followed);
        List<PostView> pinned = announcements.activeFor(viewer, viewer.person());
        Set<String> pinnedIds = new LinkedHashSet<>();
        pinned.forEach(p -> pinnedIds.add(p.id()));
        // what the reader dismissed leaves the feed, not just its pinned top
        pinnedIds.addAll(announcements.dismissedBy(viewer.person()));

        if (RELEVANT.equals(order)) {
            return relevant(viewer, followed, pulled, pinned, cursor, limit);
        }
        if (!NEWEST.equals(order)) {
            throw ProblemException.invalid("order", "must be newest or relevant");
        }
        Cursor after = Cursor.decode(cursor);
        List<FeedItem> items = new ArrayList<>();
        if (after == null) {
            pinned.forEach(p -> items.add(new FeedItem(p, List.of("announcement"), true, null)));
        }
        FeedReader.Collected page = reader.collect(timelines.scan(viewer.person(), pulled, after, limit), viewer, limit, pinnedIds);
        page.items().forEach(h -> items.add(new FeedItem(h.post(), reasons(h, followed), false, null)));
        return new FeedPage(NEWEST, items, page.nextCursor());
    }

    /**
     * Why the item is in my home feed. Organisation-wide posts are never pushed, so "I follow the
     * author" is added here, at read time, for the reader to see (and for the score to explain).
     */
    private static List<String> reasons(FeedReader.Hydrated h, Set<String> followed) {
        Set<String> reasons = new LinkedHashSet<>(h.entry().reasons());
        if (followed.contains(h.entry().author())) reasons.add(Reasons.FOLLOWS_AUTHOR);
        return List.copyOf(reasons);
    }

    /**
     * The newest {@code window} visible items (plus announcements) ranked by {@link RelevanceScore};
     * the cursor carries the instant the scores were computed at and the last (score, post) served.
     */
    private FeedPage relevant(Viewer viewer, Set<String> followed, Map<String, String> pulled, List<PostView> pinned,
                              String cursor, int limit) {
        RankCursor after = RankCursor.decode(cursor);
        Instant asOf = after != null ? after.asOf() : Instant.now();
        RelevanceScore score = new RelevanceScore(config.relevance(), viewer.person(), followed, viewer.communities(),
                affinities(viewer.person()), asOf);
        record Ranked(FeedItem item, double total) {
        }
        List<Ranked> ranked = new ArrayList<>();
        Set<String> pinnedIds = new LinkedHashSet<>(announcements.dismissedBy(viewer.person()));
        for (PostView p : pinned) {
            pinnedIds.add(p.id());
            Relevance r = score.of(p, true);
            ranked.add(new Ranked(new FeedItem(p, List.of("announcement"), true, r), r.total()));
        }
        FeedReader.Collected window = reader.collect(timelines.scan(viewer.person(), pulled, null,
                config.relevance().window()), viewer, config.relevance().window(), pinnedIds);
        for (FeedReader.Hydrated h : window.items()) {
            if (h.post().created() != null && h.post().created().isAfter(asOf)) continue; // newer than this session
            Relevance r = score.of(h.post(), false);
            ranked.add(new Ranked(new FeedItem(h.post(), reasons(h, followed), false, r), r.total()));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::total).reversed()
                .thenComparing(r -> r.item().post().id(), Comparator.reverseOrder()));
        List<Ranked> rest = after == null ? ranked
                : ranked.stream().filter(r -> after.isAfter(r.total(), r.item().post().id())).toList();
        List<FeedItem> items = rest.stream().limit(limit).map(Ranked::item).toList();
        String next = null;
        if (rest.size() > limit) {
            Ranked last = rest.get(limit - 1);
            next = new RankCursor(asOf, last.total(), last.item().post().id()).encode();
        }
        return new FeedPage(RELEVANT, items, next);
    }

    /**
     * The reader's interactions with each author (the relevant order's affinity), kept in this replica's caches: a
     * reaction or comment of theirs drops it when heard; the fan-out counts it a moment later, which
     * {@code feed.read-cache.settle} and {@code ttl} absorb (a ranking hint, never a visibility decision).
     */
    private Map<String, Integer> affinities(String person) {
        return caches.<Map<String, Integer>>named("interactions", caches.maxPeople())
                .get(person, p -> Map.copyOf(interactions.withAuthors(p)));
    }

    /** Sources merged on read for this viewer, with the reason each one gives. */
    Map<String, String> pulledSources(Viewer viewer, Set<String> followed) {
        // the audience sizes of every source at once (two keyed reads when the reach cache expired), not one per source
        Set<String> sources = new LinkedHashSet<>(viewer.communities());
        sources.addAll(followed);
        reach.prefetch(sources);
        Map<String, String> pulled = new LinkedHashMap<>();
        pulled.put(Audience.ORGANISATION, Reasons.ORGANISATION);
        for (String community : viewer.communities()) {
            if (reach.isPulled(community)) pulled.put(community, Reasons.MEMBER);
        }
        for (String source : followed) {
            if (pulled.containsKey(source) || !reach.isPulled(source)) continue;
            if (Iri.isKind(source, Iri.COMMUNITY)) pulled.put(source, Reasons.FOLLOWS_COMMUNITY);
            else if (Iri.isKind(source, Iri.HASHTAG)) pulled.put(source, Reasons.FOLLOWS_HASHTAG);
            else pulled.put(source, Reasons.FOLLOWS_AUTHOR);
        }
        return pulled;
    }

    /** A community's posts, pins first; private and secret ones answer 404 to non-members. */
    public FeedPage community(Viewer viewer, String slug, String cursor, int limit) {
        Community community = communities.find(slug).filter(c -> c.contentVisibleTo(viewer))
                .orElseThrow(() -> ProblemException.notFound("community " + slug));
        Cursor after = Cursor.decode(cursor);
        List<FeedItem> items = new ArrayList<>();
        Set<String> pins = new LinkedHashSet<>(community.pins());
        if (after == null && !pins.isEmpty()) {
            posts.views(List.copyOf(pins), viewer).forEach(p -> items.add(new FeedItem(p, List.of("pinned"), true, null)));
        }
        return source(viewer, community.iri(), "community", after, limit, pins, items);
    }

    /** What a person wrote, trimmed to what the viewer may see. */
    public FeedPage person(Viewer viewer, String login, String cursor, int limit) {
        String person;
        try {
            person = Iri.person(login);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("person " + login);
        }
        return source(viewer, person, "author", Cursor.decode(cursor), limit, Set.of(), new ArrayList<>());
    }

    /** Posts tagged with a hashtag, trimmed to what the viewer may see. */
    public FeedPage hashtag(Viewer viewer, String tag, String cursor, int limit) {
        String key = HashtagKey.of(tag);
        if (!HashtagKey.isWellFormed(key)) {
            throw ProblemException.invalid("tag", "must be a letter then letters, digits or _, at most "
                    + HashtagKey.MAX_LENGTH + " characters");
        }
        String hashtag = Iri.hashtag(key);
        return source(viewer, hashtag, "hashtag", Cursor.decode(cursor), limit, Set.of(), new ArrayList<>());
    }

    private FeedPage source(Viewer viewer, String source, String reason, Cursor after, int limit, Set<String> exclude,
                            List<FeedItem> items) {
        FeedReader.Collected page = reader.collect(timelines.scan(null, Map.of(source, reason), after), viewer, limit,
                exclude);
        page.items().forEach(h -> items.add(new FeedItem(h.post(), List.of(reason), false, null)));
        return new FeedPage(NEWEST, items, page.nextCursor());
    }
}
