package io.relais.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityJsonTest {

    static byte[] example(String name) throws IOException {
        try (InputStream in = ActivityJsonTest.class.getResourceAsStream("/as2/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsACreateNoteWithMentionsAndHashtags() throws IOException {
        Activity a = ActivityJson.read(example("create-note.json"));
        assertThat(a.type()).isEqualTo("Create");
        assertThat(a.object().type()).isEqualTo("Note");
        assertThat(a.object().mentions()).containsExactly("urn:relais:person:bob");
        assertThat(a.object().hashtags()).containsExactly("urn:relais:hashtag:qualité");
        assertThat(a.audience()).containsExactlyInAnyOrder("urn:relais:community:data-guild", "urn:relais:person:bob");
        assertThat(a.published()).isEqualTo(Instant.parse("2026-11-20T09:15:00Z"));
    }

    @Test
    void readsALikeWhoseActorIsEmbeddedAndObjectIsAnIri() throws IOException {
        Activity a = ActivityJson.read(example("like.json"));
        assertThat(a.actor()).isEqualTo("urn:relais:person:bob");
        assertThat(a.object().id()).isEqualTo("urn:relais:post:0193a4f2-7c1e-7a3b-9c2d-1f2e3d4c5b6b");
        assertThat(a.to()).containsExactly("urn:relais:community:data-guild");
        assertThat(a.relais()).containsEntry("reaction", "celebrate");
    }

    @Test
    void readsFollowJoinAnnounceDeleteAndUpdatePerson() throws IOException {
        assertThat(ActivityJson.read(example("follow.json")).object().id()).isEqualTo("urn:relais:person:alice");
        assertThat(ActivityJson.read(example("join.json")).object().type()).isEqualTo("Group");
        Activity announce = ActivityJson.read(example("announce.json"));
        assertThat(AudienceRule.isOrganisationWide(announce.audience())).isTrue();
        Activity delete = ActivityJson.read(example("delete-tombstone.json"));
        assertThat(delete.object().type()).isEqualTo("Tombstone");
        assertThat(delete.object().formerType()).isEqualTo("Note");
        Activity update = ActivityJson.read(example("update-person.json"));
        assertThat(update.generator().name()).isEqualTo("Workday");
        assertThat(update.object().relais()).containsEntry("department", "Data");
    }

    @Test
    void writingThenReadingGivesTheSameActivity() throws IOException {
        Activity a = ActivityJson.read(example("create-note.json"));
        assertThat(ActivityJson.read(ActivityJson.write(a))).isEqualTo(a);
    }

    @Test
    void refusesMalformedJsonNamingTheDocument() {
        assertThatThrownBy(() -> ActivityJson.read("{\"type\": "))
                .isInstanceOf(InvalidActivityException.class)
                .satisfies(e -> assertThat(((InvalidActivityException) e).violations())
                        .extracting(Violation::field).containsExactly("$"));
    }

    @Test
    void refusesAWrongShapeNamingTheField() {
        assertThatThrownBy(() -> ActivityJson.read("{\"id\":\"urn:relais:activity:1\",\"type\":\"Create\",\"published\":\"not a date\"}"))
                .isInstanceOf(InvalidActivityException.class)
                .satisfies(e -> assertThat(((InvalidActivityException) e).violations())
                        .extracting(Violation::field).containsExactly("published"));
    }

    @Test
    void listsEveryMissingRequiredField() {
        assertThatThrownBy(() -> ActivityJson.read("{\"type\":\"Create\"}"))
                .isInstanceOf(InvalidActivityException.class)
                .satisfies(e -> assertThat(((InvalidActivityException) e).violations())
                        .extracting(Violation::field)
                        .contains("id", "actor", "published", "object", "to"));
    }

    @Test
    void refusesUnknownActivityType() {
        Activity a = Activity.builder().type("Shout").actor(Iri.person("alice"))
                .object(AsObject.ref(Iri.post("p1"))).to(Audience.ORGANISATION).build();
        assertThat(ActivityValidator.validate(a)).extracting(Violation::field).containsExactly("type");
    }

    @Test
    void refusesAnEmbeddedObjectWithoutType() {
        Activity a = Activity.builder().type(As2.CREATE).actor(Iri.person("alice"))
                .object(AsObject.builder().id(Iri.post("p1")).content("hi").build())
                .to(Audience.ORGANISATION).build();
        assertThat(ActivityValidator.validate(a)).extracting(Violation::field).containsExactly("object.type");
    }

    @Test
    void refusesAnAddressThatIsNotAnIri() {
        Activity a = Activity.builder().type(As2.CREATE).actor(Iri.person("alice"))
                .object(AsObject.builder().id(Iri.post("p1")).type(As2.NOTE).build())
                .to("the whole company").build();
        assertThat(ActivityValidator.validate(a)).extracting(Violation::field).containsExactly("to[0]");
    }

    @Test
    void refusesOversizedContent() {
        Activity a = Activity.builder().type(As2.CREATE).actor(Iri.person("alice"))
                .object(AsObject.builder().id(Iri.post("p1")).type(As2.NOTE)
                        .content("x".repeat(ActivityValidator.MAX_CONTENT_CHARS + 1)).build())
                .to(Audience.ORGANISATION).build();
        assertThat(ActivityValidator.validate(a)).extracting(Violation::field).containsExactly("object.content");
    }

    @Test
    void refusesAPayloadLargerThanTheLimitBeforeParsing() {
        byte[] huge = new byte[ActivityJson.MAX_BYTES + 1];
        assertThatThrownBy(() -> ActivityJson.read(huge))
                .isInstanceOf(InvalidActivityException.class)
                .hasMessageContaining("at most " + ActivityJson.MAX_BYTES + " bytes");
    }

    @Test
    void builtActivitiesCarryATimeOrderedIriAndTheAs2Context() {
        Activity a = Activity.builder().type(As2.LIKE).actor(Iri.person("bob"))
                .object(AsObject.ref(Iri.post("p1"))).relais(Map.of("reaction", "like")).build();
        assertThat(a.id()).startsWith("urn:relais:activity:");
        assertThat(ActivityJson.writeString(a)).contains("\"@context\":\"https://www.w3.org/ns/activitystreams\"");
        assertThat(ActivityValidator.validate(a)).isEmpty();
    }
}
