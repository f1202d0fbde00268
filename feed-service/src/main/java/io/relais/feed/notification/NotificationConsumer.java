package io.relais.feed.notification;

import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores the notifications each activity causes (its own consumer group on the activities topic).
 * Idempotent: a notification's id derives from the activity id, and a bucket never holds an id twice.
 */
@ApplicationScoped
public class NotificationConsumer {

    @Inject
    NotificationPlanner planner;

    @Inject
    NotificationStore store;

    @Incoming("notifications")
    @Blocking
    public void onActivity(String json) {
        Activity activity = ActivityJson.read(json);
        for (Notification n : planner.plan(activity)) {
            store.add(n);
        }
    }
}
