package io.relais.profile.intake;

import io.relais.events.Activity;
import io.relais.events.RelaisExtension;
import io.relais.kit.messaging.SourceCheck;
import io.relais.kit.store.StoreOutage;
import io.relais.kit.messaging.ProcessedEvents;
import io.relais.profile.expertise.ActivityCounters;
import io.relais.profile.hr.HrLifecycle;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;

/**
 * What profile-service reads from {@code relais.activities}: HR business events (hire, move, leave)
 * and people's posts and comments (for expertise ranking). Everything else is ignored. A record that
 * is invalid, comes from a producer that may not assert it ({@code SourceCheck}), or cannot be applied
 * throws, and goes to the dead-letter topic with the reason. A store outage is not such a failure: the store work is
 * retried with backoff until the store answers ({@link StoreOutage#retryWhileUnavailable}), so consumption pauses
 * during an outage and resumes after it, and nothing is dead-lettered for it.
 * <p>
 * HR events need no processed-id bookkeeping: applying one twice changes nothing (each field keeps the
 * value of its latest change by event time), so a crash between applying and committing the offset is
 * harmless. Counters are not naturally idempotent, so each counted activity is remembered by id.
 */
@ApplicationScoped
public class ActivityIntake {

    static final String COUNTER_CONSUMER = "profile-service.activity";

    @Inject
    HrLifecycle hr;

    @Inject
    ActivityCounters counters;

    @Inject
    ProcessedEvents processed;

    @Incoming("activities")
    @Blocking
    public void onActivity(ConsumerRecord<String, String> record) {
        // believed only from its owner: an HR fact from anyone but the hr connector is dead-lettered with the rule
        Activity activity = SourceCheck.activity(record);
        Optional<RelaisExtension.Business> business = HrLifecycle.hrBusiness(activity);
        if (business.isPresent()) {
            StoreOutage.retryWhileUnavailable("apply HR event " + activity.id(), () -> hr.apply(activity, business.get()));
        } else if (ActivityCounters.counts(activity)) {
            once(COUNTER_CONSUMER, activity, () -> counters.count(activity));
        }
    }

    private void once(String consumer, Activity activity, Runnable handler) {
        String what = "count activity " + activity.id();
        if (!StoreOutage.retryWhileUnavailable(what, () -> processed.firstDelivery(consumer, activity.id()))) return;
        try {
            StoreOutage.retryWhileUnavailable(what, handler);
        } catch (RuntimeException e) {
            // a later redelivery or replay may apply it
            StoreOutage.retryWhileUnavailable(what, () -> processed.forget(consumer, activity.id()));
            throw e;
        }
    }
}
