package io.relais.feed.notification;

import io.relais.events.Activity;
import io.relais.events.HrAcceptance;
import io.relais.events.As2;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores the notifications each activity causes (read with the activity log in one consumer group on the activities
 * topic, {@link io.relais.feed.consumer.ActivityConsumers}).
 * Idempotent: a notification's id derives from the activity id, and a bucket never holds an id twice.
 * A Kafka poll is planned and stored as one batch; its deletes and edits then take back what is no longer
 * true ({@link Retractions}), its Undos the reactions taken back ({@link ReactionTakeBacks}) and the join requests withdrawn
 * ({@link WithdrawnJoinRequests}). What the poll added, what it
 * showed again (a restore) and what it took back is then announced to every replica's live push
 * ({@link NotificationNotices}), so a recipient is told live only once the store says so, and folded first in the
 * order the poll applied it ({@link ListChanges}): a notification taken back then shown again by the same poll is
 * announced taken back, then shown again.
 */
@ApplicationScoped
public class NotificationConsumer {

    @Inject
    NotificationPlanner planner;

    @Inject
    NotificationStore store;

    @Inject
    Retractions retractions;

    @Inject
    NotificationNotices notices;

    @Inject
    ReactionTakeBacks reactions;

    @Inject
    WithdrawnJoinRequests withdrawals;

    /**
     * Stores, takes back and announces the notifications of a poll's activities, in log order (see the class comment).
     * Applied by the notifications consumer ({@link io.relais.feed.consumer.ActivityConsumers}).
     */
    public void apply(List<Activity> poll) {
        List<Activity> activities = HrAcceptance.withoutAwaitingAcceptance(poll); // a hire notifies once profile-service applied it
        if (activities.isEmpty()) return;
        ListChanges changes = new ListChanges();
        // in log order: an Undo that the same person's Like of the same thing follows goes before the Likes
        List<Activity> undoneFirst = ReactionTakeBacks.undosBeforeALike(activities);
        changes.takenBack(reactions.undo(undoneFirst));
        ReactionTakeBacks.Applied planned = reactions.applyReactions(retractions.stillTrue(planner.planAll(activities)));
        changes.added(store.addAll(planned.fresh()));
        store.drop(planned.replaced()); // once their successors are stored: a crash in between notifies nobody twice
        // after: a Create and its Delete (a Like and its Undo) in one poll leave nothing behind
        retractions.apply(activities, changes);
        List<Activity> undoneLast = new ArrayList<>(activities);
        undoneLast.removeAll(undoneFirst);
        changes.takenBack(reactions.undo(undoneLast));
        changes.takenBack(withdrawals.apply(activities)); // after: an Offer and its Undo in one poll leave nothing behind
        // what a Delete or an Update of the same poll made untrue is not announced
        boolean takesBack = activities.stream().anyMatch(x -> As2.DELETE.equals(x.type()) || As2.UPDATE.equals(x.type()));
        // taken back first: a page told "taken back" then "shown again" ends where the store does
        notices.announceTakenBack(changes.takenBack());
        notices.announce(takesBack ? retractions.stillTrue(changes.stored()) : changes.stored());
        notices.announceShownAgain(takesBack ? retractions.stillTrue(changes.shownAgain()) : changes.shownAgain());
    }
}
