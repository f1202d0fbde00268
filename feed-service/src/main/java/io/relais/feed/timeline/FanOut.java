package io.relais.feed.timeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.relais.events.Activity;
import io.relais.events.HrAcceptance;
import io.relais.events.As2;
import io.relais.events.Audience;
import io.relais.events.AudienceRule;
import io.relais.events.Viewer;
import io.relais.feed.community.MembershipService;
import io.relais.feed.follow.FollowService;
import io.relais.kit.messaging.EventHeaders;
import io.relais.kit.messaging.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fan-out on write, from the activities topic only (one path for employees' posts and business
 * cards). Each post goes once into its source timelines (author, communities, hashtags, organisation)
 * and, for sources whose audience is under the pull threshold, into the home timeline of every
 * follower / member who may see it. Replays change nothing: timeline entries are keyed by post.
 *
 * <p>Read by the timeline consumer, right after the card projection of the same poll
 * ({@link io.relais.feed.consumer.ActivityConsumers}). Records come in batches (one Kafka poll) and the store sees
 * one bulk write per collection per batch: the store's round trips, not Kafka, bound this consumer, so they are paid
 * per poll, not per post.
 */
@ApplicationScoped
public class FanOut {

    private static final Logger LOG = Logger.getLogger(FanOut.class);
    static final String AFFINITY_CONSUMER = "feed-timeline-affinity";

    @Inject
    TimelineStore timelines;

    @Inject
    ContentIndex content;

    @Inject
    Interactions interactions;

    @Inject
    Reach reach;

    @Inject
    MembershipService membership;

    @Inject
    FollowService follows;

    @Inject
    ProcessedEvents processed;

    @Inject
    MeterRegistry meters;

    /** The name under which this consumer keeps the version of each post it applied ({@link ContentIndex#appliedBy}). */
    static final String VERSION = "timeline";

    /**
     * What the fan-out reads, from a record's headers: Creates, Likes, Deletes and Updates; memberships, follows,
     * views… are read live or not at all here, so they are passed over unread.
     */
    public static boolean wanted(EventHeaders announced) {
        return announced.isOneOf(As2.CREATE, As2.LIKE, As2.DELETE, As2.UPDATE);
    }

    /**
     * Fans out a poll's activities (in log order; a hire once profile-service applied it). Applied by the timeline
     * consumer right after the card projection of the same poll ({@link io.relais.feed.consumer.ActivityConsumers}).
     */
    public void applyPoll(List<Activity> activities) {
        List<Activity> shown = HrAcceptance.withoutAwaitingAcceptance(activities);
        if (!shown.isEmpty()) timedApply(shown);
    }

    /**
     * {@link #apply} timed as {@code relais.feed.fanout.busy} (seconds, one sample per poll that held activities): the
     * time this consumer spends on its store work, against which the entries it wrote
     * ({@code relais.feed.timeline.entries.written}) give its write rate while busy, whatever the offered load.
     */
    private void timedApply(List<Activity> activities) {
        Timer.Sample started = Timer.start();
        try {
            apply(activities);
        } finally {
            started.stop(meters.timer("relais.feed.fanout.busy"));
        }
    }

    /**
     * Applies activities in log order. The poll's push fan-out goes first: its timeline entries are gathered
     * from the records as parsed and written in one bulk write per collection, right after one write marking the
     * fan-outs begun ({@link #beginFanOuts}) and before anything else of the poll (the rest of the content index,
     * interactions), so readers see the posts as early as this consumer can make it.
     * A deletion or an edit first writes what the batch gathered before it and needs the content index, so the
     * index is recorded before the first of them.
     */
    void apply(List<Activity> activities) {
        Map<String, ContentFacts> created = new HashMap<>();
        for (Activity a : activities) {
            if (As2.CREATE.equals(a.type())) ContentFacts.ofCreate(a).ifPresent(f -> created.put(f.id(), f));
        }
        // a replayed Create fans out the version this consumer last applied (an edit's hashtags), never a deleted one
        ContentIndex.Applied read = content.appliedAndBegun(created.keySet(), VERSION);
        Map<String, ContentFacts> applied = read.facts();
        Set<String> absent = new HashSet<>(created.keySet());
        absent.removeAll(applied.keySet()); // new here: remembered below without being read again
        applied.forEach(created::put);
        Set<String> firstFanOuts = beginFanOuts(created.values(), read.begun(), absent);
        Audiences audiences = new Audiences();
        audiences.prefetch(created.values());
        TimelineWrites writes = new TimelineWrites(firstFanOuts);
        List<Activity> interactionsOf = new ArrayList<>();
        boolean remembered = false;
        for (Activity activity : activities) {
            switch (activity.type()) {
                case As2.CREATE -> {
                    ContentFacts facts = activity.object() == null ? null : created.get(activity.object().id());
                    if (facts == null || facts.deleted()) continue;
                    if (facts.isFeedItem()) fanOut(facts, writes, audiences);
                    else interactionsOf.add(activity);
                }
                case As2.LIKE -> interactionsOf.add(activity);
                case As2.DELETE -> {
                    timelines.write(writes);
                    writes = new TimelineWrites(firstFanOuts);
                    remembered = remembered || remember(activities, absent);
                    deleted(activity.object().id());
                }
                case As2.UPDATE -> {
                    ContentFacts update = ContentFacts.ofCreate(activity).orElse(null);
                    if (update == null) continue;
                    timelines.write(writes);
                    writes = new TimelineWrites(firstFanOuts);
                    remembered = remembered || remember(activities, absent);
                    updated(update, audiences);
                }
                default -> {
                    // membership and follows are read live
                }
            }
        }
        timelines.write(writes);
        if (!remembered) remember(activities, absent);
        interacted(interactionsOf, created);
    }

    /**
     * Marks the fan-out of the poll's feed items never begun before as begun, before any of their entries is written
     * ({@link ContentIndex#markBegun}, one bulk write that also records the new ones' facts): their entries are then
     * pushed without reading what the buckets hold, the read that made most of this consumer's store traffic. Answers
     * their IRIs; a replayed or interrupted fan-out, marked already, takes the reading path.
     */
    private Set<String> beginFanOuts(Collection<ContentFacts> posts, Set<String> begun, Set<String> absent) {
        List<ContentFacts> first = new ArrayList<>();
        for (ContentFacts post : posts) {
            if (post.isFeedItem() && !post.deleted() && !begun.contains(post.id())) first.add(post);
        }
        content.markBegun(first, absent, VERSION);
        Set<String> ids = new HashSet<>();
        first.forEach(p -> ids.add(p.id()));
        return ids;
    }

    /** Records the poll's Creates in the content index (idempotent: what is stored stays); {@code absent} were just read missing. */
    private boolean remember(List<Activity> activities, Set<String> absent) {
        content.rememberAll(activities, absent);
        return true;
    }

    void fanOut(ContentFacts post, TimelineWrites writes, Audiences audiences) {
        writes.toSources(sourcesOf(post), new TimelineEntry(post.id(), post.time(), post.author(), Set.of(), post.audience()));
        Map<String, Set<String>> recipients = recipients(post, audiences);
        Map<String, Viewer> toCheck = audiences.viewers(mustCheck(recipients, post));
        recipients.forEach((person, reasons) -> {
            Viewer viewer = toCheck.get(person);
            if (viewer == null || AudienceRule.canSee(viewer, post.writer(), post.audience())) {
                writes.toHome(person, new TimelineEntry(post.id(), post.time(), post.author(), reasons, List.of()));
            }
        });
        LOG.debugf("fan-out of %s: %d recipients, sources %s", post.id(), recipients.size(), sourcesOf(post));
    }

    /** Author, communities, hashtags, and the organisation for organisation-wide posts. */
    public static Set<String> sourcesOf(ContentFacts post) {
        Set<String> sources = new LinkedHashSet<>();
        sources.add(post.author());
        sources.addAll(post.communities());
        sources.addAll(post.hashtags());
        if (post.organisationWide()) sources.add(Audience.ORGANISATION);
        return sources;
    }

    /** Who gets the post pushed, and why (before the visibility check). */
    Map<String, Set<String>> recipients(ContentFacts post, Audiences audiences) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        if (post.writer() != null) add(out, post.writer(), Reasons.OWN); // a card's owner gets it only as its audience
        if (!post.organisationWide()) {
            if (!reach.isPulled(post.author())) {
                audiences.followersOf(post.author()).forEach(p -> add(out, p, Reasons.FOLLOWS_AUTHOR));
            }
            for (String community : post.communities()) {
                if (!reach.isPulled(community)) {
                    audiences.membersOf(community).forEach(p -> add(out, p, Reasons.MEMBER));
                    audiences.followersOf(community).forEach(p -> add(out, p, Reasons.FOLLOWS_COMMUNITY));
                }
            }
            for (String hashtag : post.hashtags()) {
                if (!reach.isPulled(hashtag)) {
                    audiences.followersOf(hashtag).forEach(p -> add(out, p, Reasons.FOLLOWS_HASHTAG));
                }
            }
        }
        post.mentions().forEach(p -> add(out, p, Reasons.MENTIONED));
        post.addressedPersons().forEach(p -> add(out, p, Reasons.ADDRESSED));
        return out;
    }

    /**
     * Recipients whose right to see the post the one audience rule must decide; the rule's answer is
     * already known for the author, an organisation-wide audience, a person addressed by name, and a
     * member of an addressed community.
     */
    private static Set<String> mustCheck(Map<String, Set<String>> recipients, ContentFacts post) {
        Set<String> out = new LinkedHashSet<>();
        if (AudienceRule.isOrganisationWide(post.audience())) return out;
        recipients.forEach((person, reasons) -> {
            if (!reasons.contains(Reasons.OWN) && !reasons.contains(Reasons.MEMBER) && !reasons.contains(Reasons.ADDRESSED)) {
                out.add(person);
            }
        });
        return out;
    }

    /**
     * An edit: the post leaves the source timelines of the hashtags it lost and enters those of the hashtags
     * it gained; people no longer mentioned lose the {@code mentioned} reason (and the entry, if it was the
     * only one); people newly mentioned, and followers of a gained hashtag (pushed ones), get it or the
     * reason, if the audience rule lets them see it; followers of a lost hashtag who follow none of the tags it
     * keeps lose the {@code follows-hashtag} reason (and the entry, if it was the only one: a follower of the
     * author or a member keeps it). Diffed against the version this consumer applied last, and skipped when
     * that version is as new as the Update, so a replayed Update, even an older one, changes nothing.
     */
    private void updated(ContentFacts update, Audiences audiences) {
        ContentFacts before = content.appliedBy(List.of(update.id()), VERSION).get(update.id());
        if (before == null || before.deleted() || before.supersedes(update)) return;
        ContentFacts after = before.updatedBy(update);
        if (before.hashtags().equals(after.hashtags()) && before.mentions().equals(after.mentions())
                && before.audience().equals(after.audience())) {
            content.markApplied(after, VERSION);
            return;
        }
        if (before.isFeedItem()) {
            String post = after.id();
            long time = after.time();
            Set<String> lostTags = minus(before.hashtags(), after.hashtags());
            Set<String> gainedTags = minus(after.hashtags(), before.hashtags());
            timelines.removeFromSources(lostTags, post, time);
            timelines.dropHomeReason(minus(before.mentions(), after.mentions()), post, time, Reasons.MENTIONED);
            timelines.dropHomeReason(followersOnlyOf(lostTags, after, audiences), post, time, Reasons.FOLLOWS_HASHTAG);
            TimelineWrites writes = new TimelineWrites();
            writes.toSources(gainedTags, new TimelineEntry(post, time, after.author(), Set.of(), after.audience()));
            Map<String, Set<String>> gained = new LinkedHashMap<>();
            minus(after.mentions(), before.mentions()).forEach(p -> add(gained, p, Reasons.MENTIONED));
            if (!after.organisationWide()) {
                for (String tag : gainedTags) {
                    if (!reach.isPulled(tag)) audiences.followersOf(tag).forEach(p -> add(gained, p, Reasons.FOLLOWS_HASHTAG));
                }
            }
            Map<String, Viewer> viewers = audiences.viewers(gained.keySet());
            gained.keySet().removeIf(p -> viewers.get(p) == null
                    || !AudienceRule.canSee(viewers.get(p), after.writer(), after.audience()));
            Set<String> holding = new LinkedHashSet<>();
            for (String reason : List.of(Reasons.MENTIONED, Reasons.FOLLOWS_HASHTAG)) {
                Set<String> withReason = new LinkedHashSet<>();
                gained.forEach((p, reasons) -> { if (reasons.contains(reason)) withReason.add(p); });
                holding.addAll(timelines.addHomeReason(withReason, post, time, reason));
            }
            gained.forEach((p, reasons) -> {
                if (!holding.contains(p)) writes.toHome(p, new TimelineEntry(post, time, after.author(), reasons, List.of()));
            });
            timelines.write(writes);
        }
        content.markApplied(after, VERSION);
    }

    /** Followers of the lost hashtags pushed to (pulled ones never had home entries) who follow none of the kept ones. */
    private Set<String> followersOnlyOf(Set<String> lostTags, ContentFacts after, Audiences audiences) {
        Set<String> out = new LinkedHashSet<>();
        for (String tag : lostTags) {
            if (!reach.isPulled(tag)) out.addAll(audiences.followersOf(tag));
        }
        for (String kept : after.hashtags()) {
            if (!out.isEmpty()) out.removeAll(audiences.followersOf(kept));
        }
        return out;
    }

    private static Set<String> minus(Collection<String> a, Collection<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }

    private void deleted(String objectIri) {
        Optional.ofNullable(content.appliedBy(List.of(objectIri), VERSION).get(objectIri)).filter(ContentFacts::isFeedItem).ifPresent(post -> {
            content.markDeleted(post.id());
            timelines.removeFromSources(sourcesOf(post), post.id(), post.time());
            // today's followers and members; anyone else still holding it is filtered out on read
            timelines.removeFromHomes(recipients(post, new Audiences()).keySet(), post.id(), post.time());
        });
    }

    /** Reactions and comments: one more interaction of each actor with the content's author. */
    private void interacted(List<Activity> batch, Map<String, ContentFacts> created) {
        if (batch.isEmpty()) return;
        Set<String> targets = new LinkedHashSet<>();
        for (Activity a : batch) targets.add(target(a, created));
        targets.remove(null);
        Map<String, ContentFacts> known = content.findAll(targets);
        Map<String, Activity> counted = new LinkedHashMap<>();
        for (Activity a : batch) {
            ContentFacts t = known.get(target(a, created));
            if (t != null && !t.author().equals(a.actor())) counted.put(a.id(), a);
        }
        if (counted.isEmpty()) return;
        Set<String> first = processed.firstDeliveries(AFFINITY_CONSUMER, counted.keySet());
        List<Interactions.Interaction> fresh = new ArrayList<>();
        first.forEach(id -> {
            Activity a = counted.get(id);
            fresh.add(new Interactions.Interaction(a.actor(), known.get(target(a, created)).author()));
        });
        try {
            interactions.recordAll(fresh);
        } catch (RuntimeException e) {
            first.forEach(id -> processed.forget(AFFINITY_CONSUMER, id)); // so the retry counts them
            throw e;
        }
    }

    /** What a reaction or comment is about: the liked object, or the root post of a comment. */
    private static String target(Activity a, Map<String, ContentFacts> created) {
        if (As2.LIKE.equals(a.type())) return a.object() == null ? null : a.object().id();
        ContentFacts comment = created.get(a.object().id());
        return comment == null ? null : comment.root();
    }

    private static void add(Map<String, Set<String>> out, String person, String reason) {
        out.computeIfAbsent(person, p -> new LinkedHashSet<>()).add(reason);
    }

    /** Followers, members and viewers read once per batch, however many of its posts need them. */
    final class Audiences {
        private final Map<String, Collection<String>> followers = new HashMap<>();
        private final Map<String, Collection<String>> members = new HashMap<>();
        private final Map<String, Viewer> viewers = new HashMap<>();

        /**
         * The audience sizes of every source of the batch's posts, then the followers and members of those
         * pushed to: a handful of keyed reads for the whole batch instead of a few per post.
         */
        void prefetch(Collection<ContentFacts> posts) {
            Set<String> sources = new LinkedHashSet<>();
            Set<String> communities = new LinkedHashSet<>();
            for (ContentFacts post : posts) {
                if (!post.isFeedItem() || post.organisationWide()) continue;
                sources.add(post.author());
                sources.addAll(post.hashtags());
                sources.addAll(post.communities());
                communities.addAll(post.communities());
            }
            reach.prefetch(sources);
            List<String> pushed = sources.stream().filter(s -> !reach.isPulled(s)).toList();
            followers.putAll(follows.followersOfAll(pushed));
            members.putAll(membership.memberIrisOfAll(communities.stream().filter(pushed::contains).toList()));
        }

        Collection<String> followersOf(String iri) {
            return followers.computeIfAbsent(iri, follows::followersOf);
        }

        Collection<String> membersOf(String community) {
            return members.computeIfAbsent(community, membership::memberIris);
        }

        Map<String, Viewer> viewers(Set<String> persons) {
            Set<String> missing = new LinkedHashSet<>(persons);
            missing.removeAll(viewers.keySet());
            if (!missing.isEmpty()) viewers.putAll(membership.viewersOf(missing));
            Map<String, Viewer> out = new HashMap<>();
            persons.forEach(p -> out.put(p, viewers.get(p)));
            return out;
        }
    }
}
