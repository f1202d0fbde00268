package io.relais.profile.intake;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.CloudEventAttributes;
import io.relais.events.HrAcceptance;
import io.relais.events.Iri;
import io.relais.events.SourceAuthority;
import io.relais.kit.messaging.EventHeaders;
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
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
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
        // other systems' cards and feed-service's reactions, edits and memberships are of no use here: passed over
        // unread when the headers announce them (issue 18: parsing each card was a third of this service's CPU)
        String producer = header(record, CE_SOURCE);
        if (EventHeaders.skippable(record.headers(), announced -> read(announced, producer))) return;
        // believed only from its owner: an HR fact from anyone but the hr connector is dead-lettered with the rule
        Activity activity = SourceCheck.activity(record);
        if (HrAcceptance.isAccepted(activity)) return; // this service's own announcement of a hire it applied
        Optional<RelaisExtension.Business> business = HrLifecycle.hrBusiness(activity);
        if (business.isPresent()) {
            StoreOutage.retryWhileUnavailable("apply HR event " + activity.id(), () -> hr.apply(activity, business.get()));
        } else if (ActivityCounters.counts(activity)) {
            if (As2.CREATE.equals(activity.type())) once(COUNTER_CONSUMER, activity, () -> counters.count(activity));
            // an edit, hide, restore or delete moves the counters by a difference: applying it again changes nothing
            else StoreOutage.retryWhileUnavailable("count activity " + activity.id(), () -> counters.count(activity));
        }
    }

    /** The CloudEvents binary-mode header naming the producer ({@code /relais/feed-service}, {@code /connectors/hr/workday}). */
    static final String CE_SOURCE = "ce_source";

    /**
     * What this consumer reads, decided on the headers alone; the headers only ever decide "not read", and what is
     * read is parsed and checked against {@code SourceAuthority} as before. Passed over unread:
     * <ul>
     *   <li>feed-service's records other than Creates, and Updates and Deletes of posts and comments (reactions,
     *       memberships, follows, views, community changes): nothing here uses them. A post's or comment's Update (edit,
     *       hide, restore) and Delete are read: the expertise counters take back what is no longer readable;</li>
     *   <li>the cards of connectors other than hr (a Create, Update or Delete of a business event, document or
     *       external object, from {@code /connectors/<type>/…} with a type other than {@code hr}): the bulk of an
     *       ingest, and of no use here. A card of that kind claiming an HR fact is a forgery that is not applied;
     *       feed-service's card projection, which reads every card, dead-letters it with the rule.</li>
     * </ul>
     * Everything else is read in full, including a record that does not name its producer, so a connector's forged
     * membership, post edit or person is still dead-lettered here (SourceAuthorityTest).
     *
     * @param producer the record's {@code ce_source} header, or null
     */
    static boolean read(EventHeaders announced, String producer) {
        if (CloudEventAttributes.FEED_SOURCE.equals(producer)) {
            return announced.isOneOf(As2.CREATE)
                    || announced.isOneOf(As2.UPDATE, As2.DELETE) && announced.subjectIsKind(Iri.POST, Iri.COMMENT);
        }
        if (producer != null && producer.startsWith(CloudEventAttributes.CONNECTOR_SOURCE_PREFIX)
                && !producer.startsWith(HR_CONNECTORS)) {
            return !(announced.isOneOf(As2.CREATE, As2.UPDATE, As2.DELETE)
                    && announced.subjectIsKind(Iri.BUSINESS_EVENT, Iri.DOCUMENT, Iri.EXTERNAL));
        }
        return true;
    }

    private static final String HR_CONNECTORS = CloudEventAttributes.connectorSource(SourceAuthority.HR_SOURCE, "");

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers() == null ? null : record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
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
