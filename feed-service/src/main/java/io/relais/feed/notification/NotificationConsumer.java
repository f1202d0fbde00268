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
 * true ({@link Retractions}). What the poll added is then announced to every replica's live push
 * ({@link NotificationNotices}), so a recipient is told live only once the notification can be read.
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

    @Incoming("notifications")
    @Blocking("feed-notifications") // its own thread, never the request threads' (application.properties)
    public void onActivities(ConsumerRecords<String, String> records) {
        batches.apply(records, Topics.ACTIVITIES_DLQ, activities -> {
            List<Notification> added = new ArrayList<>(store.addAll(retractions.stillTrue(planner.planAll(activities))));
            added.addAll(retractions.apply(activities)); // after: a Create and its Delete in one poll leave nothing behind
            // a notification taken back by a Delete or an Update later in the same poll is not announced
            boolean takesBack = activities.stream().anyMatch(x -> As2.DELETE.equals(x.type()) || As2.UPDATE.equals(x.type()));
            notices.announce(takesBack ? retractions.stillTrue(added) : added);
        });
    }
}
