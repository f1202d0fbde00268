package io.relais.kit.messaging;

import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.CloudEventAttributes;
import io.relais.events.EventId;
import io.relais.events.InvalidActivityException;
import io.relais.events.Iri;
import io.relais.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The consumers of one replica read a record once between them; what they apply is still the parse and the source
 * check of that very value and {@code ce_source}, and a refused record is refused to each of them.
 */
class CheckedRecordsTest {

    static final String ALICE = Iri.person("alice");
    static final Activity CREATE_POST = Activity.builder().type(As2.CREATE).actor(ALICE)
            .object(AsObject.builder().id(Iri.post("p1")).type(As2.NOTE).attributedTo(ALICE).content("<p>Bonjour</p>")
                    .to(Audience.ORGANISATION).build())
            .to(Audience.ORGANISATION).build();
    static final String JSON = ActivityJson.writeString(CREATE_POST);

    @Test
    void aRecordReadByASecondConsumerIsTheActivityTheFirstOneRead() {
        CheckedRecords checked = new CheckedRecords();

        Activity first = checked.activity(record(7, JSON, CloudEventAttributes.FEED_SOURCE));
        Activity second = checked.activity(record(7, new String(JSON.toCharArray()), CloudEventAttributes.FEED_SOURCE));

        assertThat(first.id()).isEqualTo(CREATE_POST.id());
        assertThat(second).isSameAs(first);
    }

    @Test
    void anotherValueOrSourceAtTheSamePositionIsReadAndCheckedAfresh() {
        CheckedRecords checked = new CheckedRecords();
        Activity first = checked.activity(record(8, JSON, CloudEventAttributes.FEED_SOURCE));
        Activity other = CREATE_POST.toBuilder().id(Iri.of(Iri.ACTIVITY, EventId.next())).build();

        assertThat(checked.activity(record(8, ActivityJson.writeString(other), CloudEventAttributes.FEED_SOURCE)).id())
                .isEqualTo(other.id());
        // the same bytes claimed by a producer that may not assert posts: refused, though read before from feed-service
        checked.activity(record(8, JSON, CloudEventAttributes.FEED_SOURCE));
        assertThatThrownBy(() -> checked.activity(record(8, JSON, "/connectors/crm/salesforce")))
                .isInstanceOf(SourceCheck.RefusedBySource.class);
        assertThat(first.id()).isEqualTo(CREATE_POST.id());
    }

    @Test
    void aRefusedOrUnreadableRecordIsRefusedToEveryConsumer() {
        CheckedRecords checked = new CheckedRecords();
        ConsumerRecord<String, String> forged = record(9, JSON, "/connectors/crm/salesforce");
        ConsumerRecord<String, String> garbage = record(10, "{not json", CloudEventAttributes.FEED_SOURCE);

        for (int consumer = 0; consumer < 3; consumer++) {
            assertThatThrownBy(() -> checked.activity(forged)).isInstanceOf(SourceCheck.RefusedBySource.class);
            assertThatThrownBy(() -> checked.activity(garbage)).isInstanceOf(InvalidActivityException.class);
        }
    }

    private static ConsumerRecord<String, String> record(long offset, String value, String ceSource) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>(Topics.ACTIVITIES, 0, offset, "k", value);
        r.headers().add(SourceCheck.CE_SOURCE, ceSource.getBytes(StandardCharsets.UTF_8));
        return r;
    }
}
