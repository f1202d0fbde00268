package io.relais.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractTest {

    @Test
    void eventIdsAreUuidV7AndSortInCreationOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) ids.add(EventId.next());
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(ids.get(0).charAt(14)).isEqualTo('7');
        assertThat(EventId.epochMillis(ids.get(0))).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(5_000L));
    }

    @Test
    void irisNameTheirKind() {
        assertThat(Iri.person("Alice")).isEqualTo("urn:relais:person:alice");
        assertThat(Iri.kind(Iri.community("data-guild"))).contains("community");
        assertThat(Iri.localId("urn:relais:post:abc")).isEqualTo("abc");
        assertThat(Iri.isValid("https://example.com/x")).isTrue();
        assertThat(Iri.isValid("not an iri")).isFalse();
        assertThatThrownBy(() -> Iri.person("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threadEventsAreKeyedByTheRootPost() {
        String root = Iri.post("root");
        Activity comment = Activity.builder().type(As2.CREATE).actor(Iri.person("bob"))
                .object(AsObject.builder().id(Iri.comment("c1")).type(As2.NOTE).inReplyTo(root).context(root).build()).build();
        Activity post = Activity.builder().type(As2.CREATE).actor(Iri.person("alice"))
                .object(AsObject.builder().id(root).type(As2.NOTE).build()).build();
        Activity like = Activity.builder().type(As2.LIKE).actor(Iri.person("carol")).object(AsObject.ref(root)).build();
        assertThat(RecordKey.of(comment)).isEqualTo(root);
        assertThat(RecordKey.of(post)).isEqualTo(root);
        assertThat(RecordKey.of(like)).isEqualTo(root);
    }

    @Test
    void membershipEventsAreKeyedByTheCommunityAndProfileEventsByThePerson() {
        String guild = Iri.community("guild");
        Activity join = Activity.builder().type(As2.JOIN).actor(Iri.person("bob")).object(AsObject.ref(guild)).build();
        Activity invite = Activity.builder().type(As2.INVITE).actor(Iri.person("bob"))
                .object(AsObject.ref(Iri.person("carol"))).target(guild).build();
        Activity person = Activity.builder().type(As2.UPDATE).actor(Iri.of(Iri.SOURCE, "hr"))
                .object(AsObject.builder().id(Iri.person("dave")).type(As2.PERSON).build()).build();
        assertThat(RecordKey.of(join)).isEqualTo(guild);
        assertThat(RecordKey.of(invite)).isEqualTo(guild);
        assertThat(RecordKey.of(person)).isEqualTo(Iri.person("dave"));
    }

    @Test
    void cloudEventTypeFollowsTheActivityType() {
        Activity like = Activity.builder().type(As2.LIKE).actor(Iri.person("carol")).object(AsObject.ref(Iri.post("p"))).build();
        assertThat(CloudEventAttributes.type(like)).isEqualTo("relais.activity.like");
        assertThat(CloudEventAttributes.subject(like)).isEqualTo(Iri.post("p"));
        assertThat(CloudEventAttributes.connectorSource("crm", "salesforce")).isEqualTo("/connectors/crm/salesforce");
    }
}
