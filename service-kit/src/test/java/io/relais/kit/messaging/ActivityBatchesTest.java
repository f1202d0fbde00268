package io.relais.kit.messaging;

import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.CloudEventAttributes;
import io.relais.events.Iri;
import io.relais.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One poll applied to several projections ({@link ActivityBatches#applyEach}) gives each what a consumer group of its
 * own would have applied: the records it wants in log order, a record nobody may believe dead-lettered once, and a
 * record one projection cannot apply dead-lettered for it alone while the others still apply it.
 */
class ActivityBatchesTest {

    static final String ALICE = Iri.person("alice");

    /** The dead letters sent, as (offset, reason), instead of a broker. */
    static final class Letters extends DeadLetterQueue {
        final List<String> sent = new ArrayList<>();

        @Override
        public void send(String deadLetterTopic, ConsumerRecord<String, String> record, Throwable reason) {
            sent.add(record.offset() + ": " + reason.getMessage());
        }
    }

    @Test
    void eachProjectionGetsWhatItWantsInLogOrderAndFailsOnItsOwn() {
        Letters letters = new Letters();
        ActivityBatches batches = new ActivityBatches();
        batches.deadLetters = letters;
        batches.checked = new CheckedRecords();
        ConsumerRecords<String, String> poll = poll(
                record(0, post("p1", As2.CREATE), As2.CREATE),
                record(1, "{not json", As2.CREATE),
                record(2, like("p1"), As2.LIKE),
                record(3, post("p2", As2.CREATE), As2.CREATE));
        List<String> creates = new ArrayList<>();
        List<String> all = new ArrayList<>();

        batches.applyEach(poll, Topics.ACTIVITIES_DLQ, List.of(
                new ActivityBatches.Projection("creates", h -> h.isOneOf(As2.CREATE), reads -> {
                    // cannot apply p2: the whole batch fails, then p1 alone is applied and p2 alone dead-lettered
                    if (reads.stream().anyMatch(r -> r.activity().object().id().equals(Iri.post("p2")))) {
                        throw new IllegalStateException("creates cannot apply p2");
                    }
                    reads.forEach(r -> creates.add(r.activity().object().id()));
                }),
                new ActivityBatches.Projection("all", h -> true, reads -> reads.forEach(r -> all.add(r.activity().type())))));

        assertThat(creates).containsExactly(Iri.post("p1"));
        assertThat(all).as("the next projection still applies the whole poll, in log order")
                .containsExactly(As2.CREATE, As2.LIKE, As2.CREATE);
        assertThat(letters.sent).as("the unreadable record once, p2 for the projection that failed on it")
                .hasSize(2).anyMatch(l -> l.startsWith("1: ")).anyMatch(l -> l.equals("3: creates cannot apply p2"));
    }

    @Test
    void aRecordEveryProjectionPassesOverIsNotReadNorDeadLettered() {
        Letters letters = new Letters();
        ActivityBatches batches = new ActivityBatches();
        batches.deadLetters = letters;
        batches.checked = new CheckedRecords();
        List<String> applied = new ArrayList<>();

        batches.applyEach(poll(record(0, "{not json", As2.VIEW)), Topics.ACTIVITIES_DLQ, List.of(
                new ActivityBatches.Projection("creates", h -> h.isOneOf(As2.CREATE), reads -> applied.add("creates")),
                new ActivityBatches.Projection("likes", h -> h.isOneOf(As2.LIKE), reads -> applied.add("likes"))));

        assertThat(applied).isEmpty();
        assertThat(letters.sent).isEmpty();
    }

    static String post(String id, String type) {
        return ActivityJson.writeString(Activity.builder().type(type).actor(ALICE)
                .object(AsObject.builder().id(Iri.post(id)).type(As2.NOTE).attributedTo(ALICE).content("<p>Bonjour</p>")
                        .to(Audience.ORGANISATION).build())
                .to(Audience.ORGANISATION).build());
    }

    static String like(String id) {
        return ActivityJson.writeString(Activity.builder().type(As2.LIKE).actor(ALICE).object(AsObject.ref(Iri.post(id)))
                .to(Audience.ORGANISATION).build());
    }

    static ConsumerRecord<String, String> record(long offset, String value, String ceType) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>(Topics.ACTIVITIES, 0, offset, "k", value);
        r.headers().add(SourceCheck.CE_SOURCE, CloudEventAttributes.FEED_SOURCE.getBytes(StandardCharsets.UTF_8));
        r.headers().add(EventHeaders.CE_TYPE, (CloudEventAttributes.TYPE_PREFIX + ceType.toLowerCase(java.util.Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
        r.headers().add(EventHeaders.CE_SUBJECT, Iri.post("p" + offset).getBytes(StandardCharsets.UTF_8));
        return r;
    }

    @SafeVarargs
    static ConsumerRecords<String, String> poll(ConsumerRecord<String, String>... records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.ACTIVITIES, 0), List.of(records)));
    }
}
