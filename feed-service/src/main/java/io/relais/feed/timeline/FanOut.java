package io.relais.feed.timeline;

import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.Audience;
import io.relais.events.AudienceRule;
import io.relais.feed.community.MembershipService;
import io.relais.feed.follow.FollowService;
import io.relais.kit.messaging.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fan-out on write, from the activities topic only (one path for employees' posts and business
 * cards). Each post goes once into its source timelines (author, communities, hashtags, organisation)
 * and, for sources whose audience is under the pull threshold, into the home timeline of every
 * follower / member who may see it. Replays change nothing: timeline entries are keyed by post.
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

    @Incoming("timeline")
    @Blocking
    public void onActivity(String json) {
        Activity activity = ActivityJson.read(json);
        switch (activity.type()) {
            case As2.CREATE -> content.remember(activity).ifPresent(facts -> {
                if (facts.isFeedItem()) {
                    fanOut(facts);
                } else {
                    interacted(activity, facts.root());
                }
            });
            case As2.LIKE -> interacted(activity, activity.object().id());
            case As2.DELETE -> deleted(activity.object().id());
            default -> {
                // Update needs nothing (feeds hydrate the current post); membership and follows are read live
            }
        }
    }

    void fanOut(ContentFacts post) {
        TimelineEntry entry = new TimelineEntry(post.id(), post.time(), post.author(), Set.of(), post.audience());
        timelines.appendToSources(sourcesOf(post), entry);

        Map<String, Set<String>> recipients = recipients(post);
        Map<String, TimelineEntry> homes = new LinkedHashMap<>();
        recipients.forEach((person, reasons) -> {
            if (maySee(person, reasons, post)) {
                homes.put(person, new TimelineEntry(post.id(), post.time(), post.author(), reasons, List.of()));
            }
        });
        timelines.pushHome(homes);
        LOG.debugf("fan-out of %s: %d home timelines, sources %s", post.id(), homes.size(), sourcesOf(post));
    }

    /** Author, communities, hashtags, and the organisation for organisation-wide posts. */
    static Set<String> sourcesOf(ContentFacts post) {
        Set<String> sources = new LinkedHashSet<>();
        sources.add(post.author());
        sources.addAll(post.communities());
        sources.addAll(post.hashtags());
        if (post.organisationWide()) sources.add(Audience.ORGANISATION);
        return sources;
    }

    /** Who gets the post pushed, and why (before the visibility check). */
    Map<String, Set<String>> recipients(ContentFacts post) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        add(out, post.author(), Reasons.OWN);
        if (!post.organisationWide()) {
            if (!reach.isPulled(post.author())) {
                follows.followersOf(post.author()).forEach(p -> add(out, p, Reasons.FOLLOWS_AUTHOR));
            }
            for (String community : post.communities()) {
                if (!reach.isPulled(community)) {
                    membership.memberIris(community).forEach(p -> add(out, p, Reasons.MEMBER));
                    follows.followersOf(community).forEach(p -> add(out, p, Reasons.FOLLOWS_COMMUNITY));
                }
            }
            for (String hashtag : post.hashtags()) {
                if (!reach.isPulled(hashtag)) {
                    follows.followersOf(hashtag).forEach(p -> add(out, p, Reasons.FOLLOWS_HASHTAG));
                }
            }
        }
        post.mentions().forEach(p -> add(out, p, Reasons.MENTIONED));
        post.addressedPersons().forEach(p -> add(out, p, Reasons.ADDRESSED));
        return out;
    }

    /**
     * The one audience rule. Shortcuts where the rule's answer is already known: the author, an
     * organisation-wide audience, a person addressed by name, a member of an addressed community.
     */
    private boolean maySee(String person, Set<String> reasons, ContentFacts post) {
        if (reasons.contains(Reasons.OWN) || reasons.contains(Reasons.MEMBER) || reasons.contains(Reasons.ADDRESSED)
                || AudienceRule.isOrganisationWide(post.audience())) {
            return true;
        }
        return AudienceRule.canSee(membership.viewerOf(person), post.author(), post.audience());
    }

    private void deleted(String objectIri) {
        content.find(objectIri).filter(ContentFacts::isFeedItem).ifPresent(post -> {
            content.markDeleted(post.id());
            timelines.removeFromSources(sourcesOf(post), post.id(), post.time());
            // today's followers and members; anyone else still holding it is filtered out on read
            timelines.removeFromHomes(recipients(post).keySet(), post.id(), post.time());
        });
    }

    /** A reaction or a comment: one more interaction of the actor with the content's author. */
    private void interacted(Activity activity, String objectIri) {
        content.find(objectIri).ifPresent(target -> {
            if (!target.author().equals(activity.actor()) && processed.firstDelivery(AFFINITY_CONSUMER, activity.id())) {
                interactions.record(activity.actor(), target.author());
            }
        });
    }

    private static void add(Map<String, Set<String>> out, String person, String reason) {
        out.computeIfAbsent(person, p -> new LinkedHashSet<>()).add(reason);
    }
}
