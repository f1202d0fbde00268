package io.relais.feed.live;

import io.relais.events.Activity;
import io.relais.events.HrAcceptance;
import io.relais.kit.messaging.CheckedRecords;
import io.relais.kit.messaging.EventHeaders;
import io.relais.kit.messaging.PollRecords;
import io.relais.events.As2;
import io.relais.events.AudienceRule;
import io.relais.events.Iri;
import io.relais.events.RelaisExtension;
import io.relais.events.Topics;
import io.relais.events.Viewer;
import io.relais.feed.community.MembershipService;
import io.relais.feed.follow.FollowService;
import io.relais.feed.hottimeline.HotTimelines;
import io.relais.feed.notification.NotificationNotices;
import io.relais.feed.notification.NotificationViews;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ThreadAccess;
import io.relais.feed.threadview.CommentView;
import io.relais.feed.threadview.CommentViews;
import io.relais.feed.threadview.PostViews;
import io.relais.feed.timeline.ContentFacts;
import io.relais.feed.timeline.Reasons;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the activities topic with a consumer group of its own per replica (from the latest offset:
 * live means from now on), keeps this replica's {@link HotTimelines} current, and pushes, to the people
 * connected to this replica, the new posts that belong in their home feed under the same audience rule and the posts
 * deleted or hidden from them since (so an open page drops them) or changed for them (so an open page reads them
 * again), and to the
 * people who have a thread open, every comment created, edited or deleted in it, as each of them would see it.
 * The same consumer reads the notifications topic: a notification is pushed to its recipient once the notifications
 * consumer has stored it ({@link NotificationNotices}), so the unread count the web then re-reads includes it; and
 * notifications taken back (a delete, a hide, a reaction taken back, an erasure) once they left the store, with the
 * lowered count; and notifications shown again (a restore) once listed again, with the count.
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
    NotificationNotices notices;

    @Inject
    NotificationViews notificationViews;

    @Inject
    CommentStore comments;

    @Inject
    PostStore postStore;

    @Inject
    CommentViews commentViews;

    /** The record as the replica's other consumers already read and checked it (parsed once per replica). */
    @Inject
    CheckedRecords checked;

    /**
     * A poll of this replica's live group, applied record by record in log order. One poll is one dispatch (issue 18:
     * a group that took its records one at a time paid the messaging layer's per-record dispatch and a hand-over to
     * its worker thread for each of them, though most are passed over by their headers); a record that cannot be
     * read or pushed is logged and passed over, as {@code failure-strategy=ignore} did, and the rest of the poll is
     * still pushed (it was already dead-lettered by the replica's store-writing consumers).
     */
    @Incoming("live")
    @Blocking("feed-live") // its own thread: keeping the hot timelines current never waits behind projections
    public void onPoll(ConsumerRecords<String, String> records) {
        PollRecords.forEach(records, "live push", this::onRecord);
    }

    private void onRecord(ConsumerRecord<String, String> record) {
        if (Topics.NOTIFICATIONS.equals(record.topic())) {
            pushNotification(record);
        } else {
            onActivity(record);
        }
    }

    /**
     * A stored notification, or notifications taken back, pushed to their recipient if they are connected to this
     * replica (key = recipient): {@code notification} with the notification as the list shows it,
     * {@code notifications-taken-back} with which ones left the list and the unread count now, or
     * {@code notifications-shown-again} with the ones back in the list (as it shows them) and the unread count now.
     */
    private void pushNotification(ConsumerRecord<String, String> record) {
        if (record.key() == null || !hub.connectedPeople().contains(record.key())) return; // read only when needed
        notices.read(record.key(), record.value()).ifPresent(notice -> {
            if (notice instanceof NotificationNotices.Stored stored) {
                hub.push(record.key(), LiveHub.NOTIFICATION, notificationViews.of(stored.notification()));
            } else if (notice instanceof NotificationNotices.TakenBack gone) {
                hub.push(record.key(), LiveHub.NOTIFICATIONS_TAKEN_BACK, new LiveTakenBack(gone.ids(), gone.unread()));
            } else if (notice instanceof NotificationNotices.ShownAgain back) {
                hub.push(record.key(), LiveHub.NOTIFICATIONS_SHOWN_AGAIN, new LiveShownAgain(
                        notificationViews.ofRecipient(record.key(), back.notifications()), back.unread()));
            }
        });
    }

    private void onActivity(ConsumerRecord<String, String> record) {
        boolean nobodyHere = hub.isEmpty() && !hub.watchesThreads();
        // with nobody to push to, only what changes the hot timelines is read; reactions, comments, memberships…
        // are passed over unread when their headers announce them
        if (nobodyHere && EventHeaders.skippable(record.headers(), HotTimelines::mayChange)) return;
        Activity activity = checked.activity(record); // a refused record is logged and skipped (failure-strategy=ignore)
        if (HrAcceptance.awaitsAcceptance(activity)) return; // shown once profile-service applied it (HrAcceptance)
        hotTimelines.apply(activity); // this replica's cached source timelines, whoever is connected
        if (nobodyHere) return; // nobody to push to on this replica
        if (As2.DELETE.equals(activity.type()) || As2.UPDATE.equals(activity.type())) pushChange(activity);
        if (As2.CREATE.equals(activity.type())) {
            boolean held = RelaisExtension.of(activity.object()).moderation().filter(RelaisExtension.Moderation::hidden).isPresent();
            ContentFacts.ofCreate(activity).filter(ContentFacts::isFeedItem).ifPresent(post -> pushFeedItem(post, held));
        }
        if (hub.watchesThreads()) pushComment(activity);
    }

    /** Pushes a new post to the connected people who would find it in their home feed; a held one only to its author. */
    private void pushFeedItem(ContentFacts post, boolean held) {
        for (String person : List.copyOf(hub.connectedPeople())) {
            if (held && !person.equals(post.writer())) continue;
            Viewer viewer = membership.readerOf(person); // what a reload would show: the feeds' cached reader
            if (!AudienceRule.canSee(viewer, post.writer(), post.audience())) continue;
            List<String> reasons = homeReasons(person, viewer, post);
            if (reasons.isEmpty()) continue;
            Optional<io.relais.feed.threadview.PostView> view = posts.view(post.id(), viewer);
            hub.push(person, LiveHub.FEED_ITEM, new LiveFeedItem(post.id(), reasons, view.orElse(null)));
        }
    }

    /**
     * After a Delete or an Update of a post or card, tells each connected person its audience admits what an open
     * page showing it should do, read from the store (written before the activity was published), as a reload would
     * show it: who may no longer see it ({@link ThreadAccess#visible}: its deletion, a moderator's hide, a business
     * system's Delete, retention, an erasure) that it is gone ({@code feed-item-removed}); after an Update, who still
     * sees it (its edit, its link preview, its system's Update, a restore, or a hide its writer still sees) that it
     * changed ({@code feed-item-updated}). A Delete tells nobody it changed.
     */
    private void pushChange(Activity activity) {
        String iri = activity.object() == null ? null : activity.object().id();
        if (iri == null || !Iri.isValid(iri) || hub.isEmpty()) return;
        if (!(Iri.isKind(iri, Iri.POST) || Iri.isKind(iri, Iri.BUSINESS_EVENT) || Iri.isKind(iri, Iri.DOCUMENT)
                || Iri.isKind(iri, Iri.EXTERNAL))) return; // a community's, a person's… Update changes no feed item
        Optional<Post> stored = postStore.find(iri);
        if (stored.isEmpty()) return;
        Post post = stored.get();
        boolean updated = As2.UPDATE.equals(activity.type());
        Set<String> audience = new LinkedHashSet<>(post.audience());
        for (String person : List.copyOf(hub.connectedPeople())) {
            Viewer viewer = membership.readerOf(person); // what a reload would show: the feeds' cached reader
            if (!AudienceRule.canSee(viewer, null, audience)) continue;
            if (!ThreadAccess.visible(post, viewer)) {
                hub.push(person, LiveHub.FEED_ITEM_REMOVED, new LiveRemoved(post.iri()));
            } else if (updated) {
                hub.push(person, LiveHub.FEED_ITEM_UPDATED, new LiveUpdated(post.iri()));
            }
        }
    }

    /**
     * Tells the people watching the comment's thread what changed, read from the comment store (written before the
     * activity was published) rather than from the activity, so each watcher gets what a reload of the thread would
     * show them: a watcher who may no longer see the thread gets nothing; a deleted comment, or one moderation hides
     * from this watcher, is {@code deleted}; otherwise {@code created} or {@code edited} with the comment as they see it.
     */
    private void pushComment(Activity activity) {
        if (!(As2.CREATE.equals(activity.type()) || As2.UPDATE.equals(activity.type()) || As2.DELETE.equals(activity.type()))) return;
        String iri = activity.object() == null ? null : activity.object().id();
        if (iri == null || !Iri.isValid(iri) || !Iri.isKind(iri, Iri.COMMENT)) return;
        Optional<Comment> stored = comments.find(iri);
        if (stored.isEmpty()) return;
        Comment c = stored.get();
        Set<String> watchers = hub.watchersOf(c.post());
        if (watchers.isEmpty()) return;
        Optional<Post> root = postStore.find(c.post());
        for (String person : watchers) {
            Viewer viewer = membership.readerOf(person); // what a reload would show: the feeds' cached reader
            if (root.isEmpty() || !ThreadAccess.visible(root.get(), viewer)) continue;
            LiveComment event;
            if (c.deleted() || c.hiddenFrom(person) || As2.DELETE.equals(activity.type())) {
                event = new LiveComment(LiveComment.DELETED, c.post(), c.iri(), null);
            } else {
                List<CommentView> seen = commentViews.views(List.of(c), viewer);
                if (seen.isEmpty()) continue;
                event = new LiveComment(As2.CREATE.equals(activity.type()) ? LiveComment.CREATED : LiveComment.EDITED,
                        c.post(), c.iri(), seen.get(0));
            }
            hub.pushThread(c.post(), person, LiveHub.COMMENT, event);
        }
    }

    /** Why the post belongs in this person's home feed (the same reasons as fan-out and pull); empty if it does not. */
    private List<String> homeReasons(String person, Viewer viewer, ContentFacts post) {
        Set<String> reasons = new LinkedHashSet<>();
        if (person.equals(post.writer())) reasons.add(Reasons.OWN);
        if (post.organisationWide()) reasons.add(Reasons.ORGANISATION);
        if (post.mentions().contains(person)) reasons.add(Reasons.MENTIONED);
        if (post.addressedPersons().contains(person)) reasons.add(Reasons.ADDRESSED);
        for (String community : post.communities()) {
            if (viewer.communities().contains(community)) reasons.add(Reasons.MEMBER);
        }
        Set<String> followed = follows.following(person);
        if (followed.contains(post.author())) reasons.add(Reasons.FOLLOWS_AUTHOR);
        if (post.communities().stream().anyMatch(followed::contains)) reasons.add(Reasons.FOLLOWS_COMMUNITY);
        if (post.hashtags().stream().anyMatch(followed::contains)) reasons.add(Reasons.FOLLOWS_HASHTAG);
        return new ArrayList<>(reasons);
    }
}
