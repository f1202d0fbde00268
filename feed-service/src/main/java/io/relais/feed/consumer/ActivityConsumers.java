package io.relais.feed.consumer;

import io.relais.events.Activity;
import io.relais.events.Topics;
import io.relais.feed.activity.ActivityLog;
import io.relais.feed.notification.NotificationConsumer;
import io.relais.feed.post.CardProjection;
import io.relais.feed.timeline.FanOut;
import io.relais.kit.messaging.ActivityBatches;
import io.relais.kit.messaging.ActivityBatches.Projection;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * feed-service's consumer groups on {@code relais.activities} that write to the store, and what each applies to a
 * poll, in this order (issue 18: each group fetches, decodes and dispatches every record of the topic, so the
 * projections that can share a poll share one group):
 * <ul>
 *   <li>{@code feed-service-timeline} (channel {@code timeline}, pool {@code feed-fanout}): the card projection, then
 *   the fan-out, so a card is in a feed only once its post document is written and both are done before anything
 *   else of the poll;</li>
 *   <li>{@code feed-service-notifications} (channel {@code notifications}, pool {@code feed-notifications}): the
 *   notifications, then the activity log, which may lag that little behind.</li>
 * </ul>
 * Each projection still fails on its own ({@link ActivityBatches#applyEach}): what one cannot apply is dead-lettered
 * for it and the next one still applies the whole poll. The link previewer ({@code feed-service-link-previews}) and
 * each replica's live push ({@code feed-service-live-<replica>}) keep groups of their own: page fetches that wait up to
 * 3 s, and a group per replica from the latest offset.
 */
@ApplicationScoped
public class ActivityConsumers {

    @Inject
    ActivityBatches batches;

    @Inject
    CardProjection cards;

    @Inject
    FanOut fanOut;

    @Inject
    NotificationConsumer notifications;

    @Inject
    ActivityLog log;

    /** A poll of the timeline group: its cards, then its fan-out (its own pool: feeds before notifications and log). */
    @Incoming("timeline")
    @Blocking("feed-fanout")
    public void onTimelinePoll(ConsumerRecords<String, String> records) {
        batches.applyEach(records, Topics.ACTIVITIES_DLQ, List.of(
                new Projection("card projection", CardProjection::mayBeCard, reads -> cards.projectAll(activities(reads))),
                new Projection("fan-out", FanOut::wanted, reads -> fanOut.applyPoll(activities(reads)))));
    }

    /** A poll of the notifications group: its notifications, then the activity log (its own thread, never the requests'). */
    @Incoming("notifications")
    @Blocking("feed-notifications")
    public void onNotificationsPoll(ConsumerRecords<String, String> records) {
        batches.applyEach(records, Topics.ACTIVITIES_DLQ, List.of(
                new Projection("notifications", announced -> true, reads -> notifications.apply(activities(reads))),
                new Projection("activity log", announced -> true, log::keep)));
    }

    private static List<Activity> activities(List<ActivityBatches.Read> reads) {
        return reads.stream().map(ActivityBatches.Read::activity).toList();
    }
}
