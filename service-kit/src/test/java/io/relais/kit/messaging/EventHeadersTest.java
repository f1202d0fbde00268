package io.relais.kit.messaging;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.CloudEventAttributes;
import io.relais.events.Iri;
import io.relais.events.RelaisExtension;
import io.relais.kit.outbox.OutboxRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer passes over, unread, only the records whose CloudEvents headers announce something it does not want;
 * whatever does not announce itself is read in full, so it is still refused and dead-lettered when it breaks the
 * contract (through a service: feed-service's {@code ActivityBackboneTest} poison record, which announces a type
 * but no Relais subject, is still dead-lettered).
 */
class EventHeadersTest {

    static final String ALICE = Iri.person("alice");
    static final String POST = Iri.post("p1");

    static final Activity LIKE = Activity.builder().type(As2.LIKE).actor(ALICE).object(AsObject.ref(POST)).target(POST)
            .to(Audience.ORGANISATION).relais(RelaisExtension.builder().reaction("celebrate").build()).build();
    static final Activity CREATE_POST = Activity.builder().type(As2.CREATE).actor(ALICE)
            .object(AsObject.builder().id(POST).type(As2.NOTE).attributedTo(ALICE).content("<p>Bonjour</p>")
                    .to(Audience.ORGANISATION).build())
            .to(Audience.ORGANISATION).build();

    @Test
    void readsTheTypeAndSubjectThePublisherWrites() {
        EventHeaders announced = EventHeaders.of(headersOf(CREATE_POST)).orElseThrow();

        assertThat(announced.type()).isEqualTo("create");
        assertThat(announced.subject()).isEqualTo(POST);
        assertThat(announced.isOneOf(As2.CREATE, As2.UPDATE)).isTrue();
        assertThat(announced.isOneOf(As2.LIKE)).isFalse();
        assertThat(announced.subjectIsKind(Iri.COMMENT, Iri.POST)).isTrue();
        assertThat(announced.subjectIsKind(Iri.COMMUNITY)).isFalse();
    }

    @Test
    void onlyARecordAnnouncingWhatTheConsumerDoesNotWantIsSkippable() {
        RecordHeaders like = headersOf(LIKE);

        assertThat(EventHeaders.skippable(like, a -> a.isOneOf(As2.CREATE))).isTrue();
        assertThat(EventHeaders.skippable(like, a -> a.isOneOf(As2.LIKE))).isFalse();
    }

    @Test
    void aRecordThatDoesNotAnnounceItselfIsNeverSkippable() {
        RecordHeaders none = new RecordHeaders();
        RecordHeaders typeOnly = new RecordHeaders();
        typeOnly.add("ce_type", bytes("relais.activity.like"));
        RecordHeaders foreignType = new RecordHeaders();
        foreignType.add("ce_type", bytes("com.example.like"));
        foreignType.add("ce_subject", bytes(POST));
        RecordHeaders bareprefix = new RecordHeaders();
        bareprefix.add("ce_type", bytes(CloudEventAttributes.TYPE_PREFIX));
        bareprefix.add("ce_subject", bytes(POST));

        for (RecordHeaders h : List.of(none, typeOnly, foreignType, bareprefix)) {
            assertThat(EventHeaders.of(h)).isEmpty();
            assertThat(EventHeaders.skippable(h, a -> false)).isFalse();
        }
        assertThat(EventHeaders.skippable(null, a -> false)).isFalse();
    }

    private static RecordHeaders headersOf(Activity activity) {
        OutboxRecord r = OutboxRecord.activity(activity, CloudEventAttributes.FEED_SOURCE);
        RecordHeaders h = new RecordHeaders();
        h.add("ce_type", bytes(r.ceType()));
        h.add("ce_source", bytes(r.ceSource()));
        h.add("ce_subject", bytes(r.ceSubject()));
        return h;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
