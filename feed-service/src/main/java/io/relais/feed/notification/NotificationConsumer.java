package io.relais.feed.notification;

import io.relais.events.As2;
import io.relais.events.Topics;
import io.relais.kit.messaging.ActivityBatches;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores the notifications each activity causes (its own consumer group on the activities topic).
 * Idempotent: a notification's id derives from the activity id, and a bucket never holds an id twice.
 * A Kafka poll is planned and stored as one batch; its deletes and edits then take back what is no longer
 * true ({@link Retractions}), its Undos the reactions taken back ({@link ReactionTakeBacks}). What the poll added, what it
 * showed again (a restore, a like after an unlike) and what it took back, is then announced to every replica's live push ({@link NotificationNotices}), so a recipient is
 * told live only once the store says so.
 */
@ApplicationScoped
public class NotificationConsumer {

    @Inject
    NotificationPlanner planner;

    @Inject
    NotificationStore store;

    @Inject
    ActivityBatches batches;

    @Inject
    Retractions retractions;

    @Inject
    NotificationNotices notices;

    @Inject
    ReactionTakeBacks reactions;

    private static boolean sameEntry(Notification a, Notification b) {
        return a.id().equals(b.id()) && a.recipient().equals(b.recipient());
    }

    private static List<Notification> announceable(List<Notification> changed, List<Notification> takenBack) {
        return changed.stream().filter(n -> takenBack.stream().noneMatch(t -> sameEntry(n, t))).toList();
    }

    @Incoming("notifications")
    @Blocking("feed-notifications") // its own thread, never the request threads' (application.properties)
    public void onActivities(ConsumerRecords<String, String> records) {
        batches.apply(records, Topics.ACTIVITIES_DLQ, activities -> {
            ReactionTakeBacks.Applied planned = reactions.applyReactions(retractions.stillTrue(planner.planAll(activities)));
            List<Notification> added = new ArrayList<>(store.addAll(planned.fresh()));
            List<Notification> shownAgain = new ArrayList<>(planned.shownAgain());
            // after: a Create and its Delete (a Like and its Undo) in one poll leave nothing behind
            Retractions.Changes changes = retractions.apply(activities);
            added.addAll(changes.added());
            shownAgain.addAll(changes.shownAgain());
            List<Notification> takenBack = new ArrayList<>(changes.takenBack());
            takenBack.addAll(reactions.undo(activities));
            // a notification taken back by a Delete, an Update or an Undo later in the same poll is not announced
            boolean takesBack = activities.stream().anyMatch(x -> As2.DELETE.equals(x.type()) || As2.UPDATE.equals(x.type()));
            notices.announce(announceable(takesBack ? retractions.stillTrue(added) : added, takenBack));
            notices.announceShownAgain(announceable(takesBack ? retractions.stillTrue(shownAgain) : shownAgain, takenBack));
            notices.announceTakenBack(takenBack);
        });
    }
}
