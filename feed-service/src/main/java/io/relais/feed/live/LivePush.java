package io.relais.feed.live;

import io.relais.events.Activity;
import io.relais.kit.messaging.SourceCheck;
import io.relais.events.As2;
import io.relais.events.AudienceRule;
import io.relais.events.RelaisExtension;
import io.relais.events.Viewer;
import io.relais.feed.community.MembershipService;
import io.relais.feed.follow.FollowService;
import io.relais.feed.hottimeline.HotTimelines;
import io.relais.feed.notification.Notification;
import io.relais.feed.notification.NotificationPlanner;
import io.relais.feed.notification.NotificationViews;
import io.relais.feed.threadview.PostViews;
import io.relais.feed.timeline.ContentFacts;
import io.relais.feed.timeline.Reasons;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the activities topic with a consumer group of its own per replica (from the latest offset:
 * live means from now on), keeps this replica's {@link HotTimelines} current, and pushes, to the people connected to this replica, the new posts that
 * belong in their home feed and the notifications meant for them, under the same audience rule.
 */
@ApplicationScoped
public class LivePush {

    @Inject
    LiveHub hub;

    @Inject
    HotTimelines hotTimelines;

    @Inject
    MembershipService membership;

    @Inject
    FollowService follows;

    @Inject
    PostViews posts;

    @Inject
    NotificationPlanner planner;

    @Inject
    NotificationViews notificationViews;

    @Incoming("live")
    @Blocking
    public void onActivity(ConsumerRecord<String, String> record) {
        Activity activity = SourceCheck.activity(record); // a refused record is logged and skipped (failure-strategy=ignore)
        hotTimelines.apply(activity); // this replica's cached source timelines, whoever is connected
        if (hub.isEmpty()) return; // nobody to push to on this replica
        if (As2.CREATE.equals(activity.type())) {
            boolean held = RelaisExtension.of(activity.object()).moderation().filter(RelaisExtension.Moderation::hidden).isPresent();
            ContentFacts.ofCreate(activity).filter(ContentFacts::isFeedItem).ifPresent(post -> pushFeedItem(post, held));
        }
        Set<String> connected = hub.connectedPeople();
        for (Notification n : planner.plan(activity)) {
            if (connected.contains(n.recipient())) {
                hub.push(n.recipient(), LiveHub.NOTIFICATION, notificationViews.of(n));
            }
        }
    }

    /** Pushes a new post to the connected people who would find it in their home feed; a held one only to its author. */
    private void pushFeedItem(ContentFacts post, boolean held) {
        for (String person : List.copyOf(hub.connectedPeople())) {
            if (held && !person.equals(post.author())) continue;
            Viewer viewer = membership.viewerOf(person);
            if (!AudienceRule.canSee(viewer, post.author(), post.audience())) continue;
            List<String> reasons = homeReasons(person, viewer, post);
            if (reasons.isEmpty()) continue;
            Optional<io.relais.feed.threadview.PostView> view = posts.view(post.id(), viewer);
            hub.push(person, LiveHub.FEED_ITEM, new LiveFeedItem(post.id(), reasons, view.orElse(null)));
        }
    }

    /** Why the post belongs in this person's home feed (the same reasons as fan-out and pull); empty if it does not. */
    private List<String> homeReasons(String person, Viewer viewer, ContentFacts post) {
        Set<String> reasons = new LinkedHashSet<>();
        if (person.equals(post.author())) reasons.add(Reasons.OWN);
        if (post.organisationWide()) reasons.add(Reasons.ORGANISATION);
        if (post.mentions().contains(person)) reasons.add(Reasons.MENTIONED);
        if (post.addressedPersons().contains(person)) reasons.add(Reasons.ADDRESSED);
        for (String community : post.communities()) {
            if (viewer.communities().contains(community)) reasons.add(Reasons.MEMBER);
        }
        Set<String> followed = follows.followedBy(person);
        if (followed.contains(post.author())) reasons.add(Reasons.FOLLOWS_AUTHOR);
        if (post.communities().stream().anyMatch(followed::contains)) reasons.add(Reasons.FOLLOWS_COMMUNITY);
        if (post.hashtags().stream().anyMatch(followed::contains)) reasons.add(Reasons.FOLLOWS_HASHTAG);
        return new ArrayList<>(reasons);
    }
}
