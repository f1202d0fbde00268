package io.relais.kit.messaging;

import io.relais.events.Activity;
import io.relais.kit.store.StoreOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a consumer applies a whole Kafka poll of activities at once (so the store sees one bulk write per
 * poll instead of a round trip per record) without giving up per-record dead letters: unreadable records,
 * and records whose producer may not assert what they carry ({@link SourceCheck}: the {@code ce_source} header
 * against {@link io.relais.events.SourceAuthority}), are dead-lettered with their reason before the batch is applied
 * (a record another consumer of this replica already read and checked is not parsed again: {@link CheckedRecords}); if applying the batch fails, its
 * records are applied one at a time and only those that fail on their own are dead-lettered.
 * A store outage is not a record's fault: while the store is unavailable ({@link StoreOutage#isTransient}) the
 * batch is retried with backoff and the consumer thread waits, so nothing is dead-lettered for it; see
 * {@link StoreOutage#retryWhileUnavailable} for how long a record may wait.
 * Handlers must be idempotent (records of a failed batch are applied again).
 */
@ApplicationScoped
public class ActivityBatches {

    private static final Logger LOG = Logger.getLogger(ActivityBatches.class);

    @Inject
    DeadLetterQueue deadLetters;

    /** Each record is parsed and checked once per replica, whichever consumer reads it first. */
    @Inject
    CheckedRecords checked;

    /** Applies every record of the poll (see the class comment). */
    public void apply(ConsumerRecords<String, String> records, String deadLetterTopic, Consumer<List<Activity>> handler) {
        apply(records, deadLetterTopic, announced -> true, handler);
    }

    /**
     * Applies the records of the poll the consumer wants: a record whose CloudEvents headers announce something
     * {@code wanted} rejects is passed over unread ({@link EventHeaders#skippable}); every other record is parsed,
     * checked and applied as in {@link #apply(ConsumerRecords, String, Consumer)}, so a record without those
     * headers is still refused and dead-lettered when it breaks the contract.
     *
     * @param wanted which announced activities the handler has a use for (type and subject IRI, from the headers)
     */
    public void apply(ConsumerRecords<String, String> records, String deadLetterTopic, Predicate<EventHeaders> wanted,
                      Consumer<List<Activity>> handler) {
        applyRead(records, deadLetterTopic, wanted, (activity, record) -> activity, Activity::id, handler);
    }

    /**
     * An activity with the JSON it was read from (the record's value, as its producer wrote it and as checked), for
     * projections that keep the activity as it came and need not write it out again ({@link #applyEach}).
     */
    public record Read(Activity activity, String json) {
    }

    /**
     * One of several projections a consumer applies to each poll ({@link #applyEach}): its name (for logs), which
     * announced activities it has a use for (as {@code wanted} in {@link #apply(ConsumerRecords, String, Predicate, Consumer)}),
     * and its handler, given the poll's activities it wants, in log order, each with its record's JSON.
     */
    public record Projection(String name, Predicate<EventHeaders> wanted, Consumer<List<Read>> handler) {
    }

    /**
     * Applies one poll to several projections in turn, as if each were a consumer of its own but with one fetch, one
     * read and one check of each record: a record every projection passes over by its headers is not read; one that
     * cannot be read or may not be believed is dead-lettered once, before any projection; then each projection gets the
     * records it wants, in log order, and fails on its own: its batch failing, its records are applied to it one at a
     * time and only those that fail on their own are dead-lettered (with its name in the log), while the projections
     * after it still get the whole poll. So one consumer group does the work of several without their fetches, and
     * what one projection cannot apply neither stops nor reorders another. Handlers must be idempotent, as for
     * {@link #apply}.
     */
    public void applyEach(ConsumerRecords<String, String> records, String deadLetterTopic, List<Projection> projections) {
        List<ConsumerRecord<String, String>> readable = new ArrayList<>(records.count());
        List<Read> activities = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            if (projections.stream().allMatch(p -> EventHeaders.skippable(r.headers(), p.wanted()))) continue;
            try {
                activities.add(new Read(checked.activity(r), r.value()));
                readable.add(r);
            } catch (RuntimeException e) {
                deadLetters.send(deadLetterTopic, r, e);
            }
        }
        for (Projection p : projections) {
            List<ConsumerRecord<String, String>> wantedRecords = new ArrayList<>(readable.size());
            List<Read> wanted = new ArrayList<>(readable.size());
            for (int i = 0; i < readable.size(); i++) {
                if (EventHeaders.skippable(readable.get(i).headers(), p.wanted())) continue;
                wantedRecords.add(readable.get(i));
                wanted.add(activities.get(i));
            }
            applyChecked(wantedRecords, wanted, deadLetterTopic, read -> read.activity().id(), p.handler(), p.name());
        }
    }

    private <T> void applyRead(ConsumerRecords<String, String> records, String deadLetterTopic, Predicate<EventHeaders> wanted,
                               BiFunction<Activity, ConsumerRecord<String, String>, T> wrap, Function<T, String> idOf,
                               Consumer<List<T>> handler) {
        List<ConsumerRecord<String, String>> readable = new ArrayList<>(records.count());
        List<T> activities = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            if (EventHeaders.skippable(r.headers(), wanted)) continue;
            try {
                activities.add(wrap.apply(checked.activity(r), r));
                readable.add(r);
            } catch (RuntimeException e) {
                deadLetters.send(deadLetterTopic, r, e);
            }
        }
        applyChecked(readable, activities, deadLetterTopic, idOf, handler, "a batch");
    }

    /** Applies read and checked activities (each of {@code readable}, same order) as one batch, else one by one. */
    private <T> void applyChecked(List<ConsumerRecord<String, String>> readable, List<T> activities, String deadLetterTopic,
                                  Function<T, String> idOf, Consumer<List<T>> handler, String what) {
        if (activities.isEmpty()) return;
        try {
            StoreOutage.retryWhileUnavailable("apply a batch of " + activities.size() + " activities",
                    () -> handler.accept(activities));
        } catch (RuntimeException batchFailure) {
            LOG.warnf(batchFailure, "%s of %d activities failed; applying them one by one", what, activities.size());
            for (int i = 0; i < activities.size(); i++) {
                T one = activities.get(i);
                try {
                    StoreOutage.retryWhileUnavailable("apply activity " + idOf.apply(one), () -> handler.accept(List.of(one)));
                } catch (RuntimeException e) {
                    deadLetters.send(deadLetterTopic, readable.get(i), e);
                }
            }
        }
    }
}
