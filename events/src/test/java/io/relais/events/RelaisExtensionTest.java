package io.relais.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed {@code relais} extension: the same JSON on the wire, readers that never coerce. */
class RelaisExtensionTest {

    @Test
    void theBuilderWritesTheSameJsonAsTheHandBuiltMapsItReplaces() {
        Activity handBuilt = Activity.builder().id(Iri.of(Iri.ACTIVITY, "a1")).type(As2.JOIN).actor(Iri.person("alice"))
                .object(AsObject.ref(Iri.community("c"))).published(Instant.parse("2026-11-30T09:00:00Z"))
                .relais(Map.of("role", "member")).build();
        Activity typed = handBuilt.toBuilder().relais(RelaisExtension.builder().role("member").build()).build();
        assertThat(ActivityJson.writeString(typed)).isEqualTo(ActivityJson.writeString(handBuilt));

        Map<String, Object> business = new java.util.LinkedHashMap<>();
        business.put("source", "crm");
        business.put("eventType", "opportunity.won");
        business.put("system", "salesforce");
        business.put("sourceEventId", "e1");
        business.put("data", Map.of("amount", 1200));
        Map<String, Object> written = RelaisExtension.builder().business(new RelaisExtension.Business("crm",
                "opportunity.won", "salesforce", "e1", Map.of("amount", 1200))).build();
        assertThat(written).isEqualTo(Map.of("business", business));
    }

    @Test
    void aBusinessEventIsReadFromTheObjectElseTheActivity() {
        Map<String, Object> onActivity = RelaisExtension.builder().business(new RelaisExtension.Business("hr",
                "employee.moved", "workday", "e2", Map.of("login", "emma"))).build();
        Activity a = ActivityJson.read(ActivityJson.writeString(Activity.builder().type(As2.CREATE).actor("urn:relais:source:hr.workday")
                .object(AsObject.builder().id(Iri.of(Iri.BUSINESS_EVENT, "e2")).type(As2.EVENT).to(Audience.ORGANISATION).build())
                .to(Audience.ORGANISATION).relais(onActivity).build()));
        RelaisExtension.Business b = RelaisExtension.businessOf(a).orElseThrow();
        assertThat(b.source()).isEqualTo("hr");
        assertThat(b.eventType()).isEqualTo("employee.moved");
        assertThat(b.dataString("login")).contains("emma");
    }

    @Test
    void aValueOfTheWrongJsonTypeReadsAsAbsent() {
        RelaisExtension ext = RelaisExtension.of(Map.of("role", 3, "visibility", List.of("public"), "archived", "yes",
                "reaction", "", "business", "hr"));
        assertThat(ext.role()).isEmpty();
        assertThat(ext.visibility()).isEmpty();
        assertThat(ext.archived()).isEmpty();
        assertThat(ext.reaction()).isEmpty();
        assertThat(ext.business()).isEmpty();
        assertThat(RelaisExtension.of((Map<String, Object>) null).isEmpty()).isTrue();
    }

    @Test
    void profileFieldsAndCommunitySettingsAreTyped() {
        RelaisExtension person = RelaisExtension.of(Map.of("login", "alice", "skills", List.of("java", 3, "kafka"),
                "languages", "fr, en", "status", "left"));
        assertThat(person.person().login()).contains("alice");
        assertThat(person.person().skills()).containsExactly("java", "kafka");
        assertThat(person.person().languages()).containsExactly("fr", "en");
        assertThat(person.person().status()).contains("left");
        RelaisExtension group = RelaisExtension.of(Map.of("visibility", "secret", "archived", false, "slug", "board"));
        assertThat(group.visibility()).contains("secret");
        assertThat(group.archived()).contains(false);
        RelaisExtension announcement = RelaisExtension.of(RelaisExtension.builder()
                .announcement(Instant.parse("2026-12-01T00:00:00Z")).community(Iri.community("c")).build());
        assertThat(announcement.isAnnouncement()).isTrue();
        assertThat(announcement.announcementExpires()).contains(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void aFlagCarriesItsReasonAndAHiddenObjectItsStateThroughTheWire() {
        Activity flag = Activity.builder().type(As2.FLAG).actor(Iri.person("carol")).object(AsObject.ref(Iri.post("p1")))
                .published(Instant.parse("2026-11-30T09:00:00Z"))
                .relais(RelaisExtension.builder().moderation(RelaisExtension.Moderation.report("off-topic", "pas ici")).build()).build();
        Activity read = ActivityJson.read(ActivityJson.writeString(flag));
        assertThat(read.type()).isEqualTo("Flag");
        assertThat(read.relais()).isEqualTo(Map.of("moderation", Map.of("reason", "off-topic", "comment", "pas ici")));
        assertThat(RelaisExtension.of(read).moderation()).contains(RelaisExtension.Moderation.report("off-topic", "pas ici"));

        AsObject hidden = AsObject.builder().id(Iri.post("p1")).type(As2.NOTE).content("x").to(Audience.ORGANISATION)
                .relais(RelaisExtension.builder().moderation(RelaisExtension.Moderation.state(true, "spam")).build()).build();
        assertThat(RelaisExtension.of(hidden).moderation().orElseThrow().hidden()).isTrue();
        assertThat(RelaisExtension.of(AsObject.ref(Iri.post("p1"))).moderation()).isEmpty();
        assertThat(RelaisExtension.of(Map.of("moderation", "hidden")).moderation()).as("not an object: absent").isEmpty();
    }
}
