package io.relais.feed.notification;

import io.relais.events.Topics;
import io.relais.kit.messaging.ActivityBatches;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores the notifications each activity causes (its own consumer group on the activities topic).
 * Idempotent: a notification's id derives from the activity id, and a bucket never holds an id twice.
 * A Kafka poll is planned and stored as one batch; its deletes and edits then take back what is no longer
 * true ({@link Retractions}).
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

    @Incoming("notifications")
    @Blocking("feed-notifications") // its own thread, never the request threads' (application.properties)
    public void onActivities(ConsumerRecords<String, String> records) {
        batches.apply(records, Topics.ACTIVITIES_DLQ, activities -> {
            store.addAll(retractions.stillTrue(planner.planAll(activities)));
            retractions.apply(activities); // after: a Create and its Delete in one poll leave nothing behind
        });
    }
}
