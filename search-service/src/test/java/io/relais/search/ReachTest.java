package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.CloudEventAttributes;
import io.relais.events.Iri;
import io.relais.events.PersonErasure;
import io.relais.events.RelaisExtension;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.relais.search.Events.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reach of announcements and cards over the real index, fed with feed-service's {@code View}s through the in-process
 * broker: hand-computed figures for a community's card, the organisation's announcement, readers, the CSV, that no
 * answer names a reader, that a rebuild gives the same figures, and that an erased person's opens are forgotten.
 * Each test builds its own community in its own week.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ReachTest {

    static final String[] MEMBERS = {"ana", "bea", "cid", "dov", "eli", "fay"};

    /** A community with six members (joined the day before), one document card addressed to it and one announcement. */
    record Scenario(String u, String slug, String card, String announcement, String from, String to) {

        String person(String name) {
            return name + u;
        }
    }

    static Instant at(String when) {
        return Instant.parse(when);
    }

    static Activity view(String login, String item, String community, String when) {
        return Activity.builder().type(As2.VIEW).actor(Iri.person(login)).object(AsObject.ref(item)).target(community)
                .published(at(when)).build();
    }

    /*
     * Week of {day 1}: six members ana…fay. The card (day 2, 10:00) is opened by ana, bea, cid, dov, eli (eli twice, on
     * two days) and by a non-member, gus → 5 of 6 members = 83.3 %. The announcement (day 2, 11:00) is opened by ana,
     * bea, cid, dov, eli → 5 of the directory. Nobody writes or reacts: in the community, active = readers = the six
     * people who opened its card (gus included).
     */
    static Scenario scenario(String week, String nextWeek) {
        String u = Events.unique();
        String slug = "reach-" + u;
        Scenario s = new Scenario(u, slug, Events.documentIri("contrat-" + u), null, week, nextWeek);
        String community = Iri.community(slug);
        publish(Events.community(slug, "Reach " + u, "public"));
        for (String m : MEMBERS) {
            Events.profile(s.person(m), m + " " + u, "Analyste", "Ventes", List.of(), "");
            publish(Activity.builder().type(As2.JOIN).actor(Iri.person(s.person(m))).object(AsObject.ref(community))
                    .to(community).relais(Map.of("role", "member")).published(at(week + "T08:00:00Z").minus(Duration.ofDays(1))).build());
        }
        Events.profile(s.person("gus"), "gus " + u, "Analyste", "Ventes", List.of(), "");
        publish(Events.document(As2.CREATE, "contrat-" + u, "Contrat signé " + u, "Le contrat", List.of(community),
                at(week + "T10:00:00Z").plus(Duration.ofDays(1))), "/connectors/ecm/sharepoint");
        Activity announcement = Events.post(s.person("bob"), "<p>Nouveau règlement " + u + "</p>", List.of(Audience.ORGANISATION),
                null, at(week + "T11:00:00Z").plus(Duration.ofDays(1)));
        announcement = announcement.toBuilder().object(announcement.object().toBuilder()
                .relais(RelaisExtension.builder().announcement(at(nextWeek + "T00:00:00Z")).build()).build()).build();
        publish(announcement);
        s = new Scenario(u, slug, s.card(), announcement.object().id(), week, nextWeek);
        String day2 = Instant.parse(week + "T12:00:00Z").plus(Duration.ofDays(1)).toString();
        String day3 = Instant.parse(week + "T12:00:00Z").plus(Duration.ofDays(2)).toString();
        for (String m : List.of("ana", "bea", "cid", "dov", "eli")) {
            publish(view(s.person(m), s.card(), community, day2));
            publish(view(s.person(m), s.announcement(), null, day2));
        }
        publish(view(s.person("eli"), s.card(), community, day3));
        publish(view(s.person("gus"), s.card(), community, day2));
        return s;
    }

    /** The caller: fay, a member who opened nothing, with the community-manager role (the card is for members only). */
    static Response community(Scenario s, String accept) {
        return given().auth().oauth2(TestTokens.user(s.person("fay"), "employee", "community-manager")).accept(accept)
                .queryParam("from", s.from()).queryParam("to", s.to()).queryParam("bucket", "week")
                .get("/api/analytics/communities/{slug}", s.slug());
    }

    static Response organisation(Scenario s) {
        return given().auth().oauth2(TestTokens.user(s.person("fay"), "employee", "community-manager"))
                .queryParam("from", s.from()).queryParam("to", s.to()).queryParam("bucket", "week")
                .get("/api/analytics/organisation");
    }

    /** Waits until the whole scenario is indexed: gus's open of the card is the last record published. */
    static void awaitScenario(Scenario s) {
        awaitCardOpeners(s, 5);
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(community(s, "application/json").jsonPath().getInt("buckets[0].readers")).isEqualTo(6));
    }

    static void awaitCardOpeners(Scenario s, int openers) {
        await().atMost(Events.WAIT).untilAsserted(() -> {
            Response r = community(s, "application/json");
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            assertThat(r.jsonPath().getList("topReach.findAll { it.id == '" + s.card() + "' }.openers"))
                    .as(r.asString()).isEqualTo(openers == 0 ? List.of() : List.of(openers));
        });
    }

    @Test
    void aCommunitysCardReachIsItsMembersWhoOpenedItAndNoAnswerNamesThem() {
        Scenario s = scenario("2025-03-03", "2025-03-09");
        awaitScenario(s);

        Response r = community(s, "application/json");
        Map<String, Object> item = r.jsonPath().getMap("topReach[0]");
        assertThat(item).containsEntry("id", s.card()).containsEntry("kind", "card").containsEntry("audience", 6)
                .containsEntry("openers", 5).containsEntry("reach", 83.3f);
        Map<String, Object> week = r.jsonPath().getMap("buckets[0]");
        assertThat(week).containsEntry("cardReach", 83.3f).containsEntry("readers", 6).containsEntry("activeMembers", 6)
                .containsEntry("contributors", 0);
        assertThat(r.jsonPath().getMap("buckets[0].withheld")).containsEntry("announcementReach",
                "no announcement was published in the bucket");

        String csv = community(s, "text/csv").then().statusCode(200).extract().asString();
        assertThat(csv.split("\n")[1]).startsWith(s.from() + "," + s.to() + ",6,0,6,").contains(",83.3,");
        for (String m : List.of("ana", "bea", "cid", "dov", "eli", "gus")) {
            assertThat(r.asString()).doesNotContain(s.person(m));
            assertThat(csv).doesNotContain(s.person(m));
        }
    }

    @Test
    void anAnnouncementsReachIsOverTheDirectoryOnTheOrganisationsFigures() {
        Scenario s = scenario("2025-03-10", "2025-03-16");
        awaitScenario(s);
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(organisation(s).jsonPath()
                .getList("topReach.findAll { it.id == '" + s.announcement() + "' }.openers")).isEqualTo(List.of(5)));

        Response r = organisation(s);
        Map<String, Object> item = r.jsonPath().getMap("topReach.find { it.id == '" + s.announcement() + "' }");
        int audience = (Integer) item.get("audience");
        assertThat(audience).as("everyone in the directory, at least this scenario's seven people").isGreaterThanOrEqualTo(7);
        assertThat(item).containsEntry("kind", "announcement");
        assertThat(((Number) item.get("reach")).doubleValue()).isCloseTo(Math.round(5 * 1000.0 / audience) / 10.0,
                org.assertj.core.data.Offset.offset(0.001));
        for (String m : List.of("ana", "bea", "cid", "dov", "eli")) assertThat(r.asString()).doesNotContain(s.person(m));
    }

    @Test
    void aRebuiltIndexGivesTheSameReachAndAnErasedPersonsOpensAreForgotten() {
        Scenario s = scenario("2025-03-17", "2025-03-23");
        awaitScenario(s);
        Response before = community(s, "application/json");
        String admin = TestTokens.user("carol", "employee", "admin");
        given().auth().oauth2(admin).post("/api/search/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(given().auth().oauth2(admin).get("/api/search/admin/rebuild").jsonPath().getString("state"))
                        .isEqualTo("done"));
        Response after = community(s, "application/json");
        assertThat(after.jsonPath().getList("buckets")).isEqualTo(before.jsonPath().getList("buckets"));
        assertThat(after.jsonPath().getList("topReach")).isEqualTo(before.jsonPath().getList("topReach"));

        String erased = s.person("ana");
        Activity delete = PersonErasure.delete(Iri.person(erased), Iri.person("carol"));
        KafkaProbe.publish(Topics.PROFILES, Iri.person(erased), KafkaProbe.cloudEventHeaders(CloudEventAttributes.id(delete),
                PersonErasure.CE_TYPE, CloudEventAttributes.PROFILE_SOURCE, Iri.person(erased)), ActivityJson.writeString(delete));

        // four openers left: below the threshold, the card is no longer listed and its reach is withheld
        awaitCardOpeners(s, 0);
        Response now = community(s, "application/json");
        assertThat(now.jsonPath().<Object>get("buckets[0].cardReach")).isNull();
        assertThat(now.jsonPath().getMap("buckets[0].withheld")).containsEntry("cardReach", "fewer than 5 people opened them");
        assertThat(now.jsonPath().getInt("buckets[0].readers")).isEqualTo(5);
    }
}
