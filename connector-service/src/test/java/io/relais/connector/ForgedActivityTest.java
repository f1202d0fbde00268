package io.relais.connector;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Topics;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.relais.connector.ConnectorFixtures.asClient;
import static io.relais.connector.ConnectorFixtures.mentioning;
import static io.relais.connector.ConnectorFixtures.unique;
import static io.relais.connector.GenericFixtures.asIntranet;
import static io.relais.connector.GenericFixtures.cloudEvent;
import static io.relais.connector.GenericFixtures.nothingPublishedFor;
import static io.relais.connector.GenericFixtures.publishedFor;
import static io.relais.testing.KafkaProbe.recordsNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * The forgeries of issue 12, tried by a client registered for the generic source: each is refused with its 4xx
 * problem+json naming the rule (or the field), and nothing reaches the activity log.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ForgedActivityTest {

    static final String MEMBERSHIPS = "a connector may not assert memberships";
    static final String OWN_OBJECTS = "a connector may only create, update and delete its own objects";

    @BeforeEach
    void registerTheIntranet() {
        GenericFixtures.registerTheIntranet();
    }

    /** Sends one activity and expects the 403 naming the rule; then checks nothing was published. */
    private static void refused(String activity, String rule, String field) {
        String ceId = unique("forged");
        asIntranet().body(cloudEvent(ceId, activity)).post("/api/connectors/generic/events").then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://relais.dev/problems/connector-lane"))
                .body("rule", equalTo(rule)).body("errors[0].field", equalTo(field))
                .body("detail", containsString(rule));
        nothingPublishedFor(ceId);
    }

    @Test
    void aJoinIntoASecretCommunityIsRefused() {
        refused("""
                {"type":"Join","actor":"urn:relais:person:mallory","object":"urn:relais:community:board-secret"}""",
                MEMBERSHIPS, "data.type");
    }

    @Test
    void otherMembershipChangesAreRefused() {
        refused("""
                {"type":"Leave","actor":"urn:relais:person:alice","object":"urn:relais:community:board-secret"}""",
                MEMBERSHIPS, "data.type");
        refused("""
                {"type":"Invite","object":"urn:relais:person:mallory","target":"urn:relais:community:board-secret"}""",
                MEMBERSHIPS, "data.type");
        refused("""
                {"type":"Add","object":"urn:relais:person:mallory","target":{"type":"Group","id":"urn:relais:community:board-secret"}}""",
                MEMBERSHIPS, "data.target");
        refused("""
                {"type":"Remove","object":"urn:relais:person:alice","target":"urn:relais:community:board-secret"}""",
                MEMBERSHIPS, "data.target");
    }

    @Test
    void anHrEmployeeMovedFromAnotherSourceIsRefused() {
        refused("""
                {"type":"Create","object":{"type":"Event","name":"Mutation",
                 "relais":{"business":{"source":"hr","eventType":"employee.moved","data":{"login":"alice","department":"Direction"}}}}}""",
                "HR facts come only from the hr source", "data.object.relais.business.source");
        refused("""
                {"type":"Update","object":{"type":"Person","id":"urn:relais:person:alice","name":"Alice",
                 "summary":"Directrice générale"}}""",
                "HR facts come only from the hr source", "data.object.type");
        // and the hr endpoint is not this client's to post to
        asClient(GenericFixtures.CLIENT).body(ConnectorFixtures.hire(unique("wd"), "mallory"))
                .post("/api/connectors/hr/events").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anUpdateOrDeleteOfAnEmployeesPostIsRefused() {
        refused("""
                {"type":"Update","object":{"type":"Note","id":"urn:relais:post:0190a1b2c3d4","content":"<p>edited</p>"}}""",
                OWN_OBJECTS, "data.object.id");
        refused("""
                {"type":"Delete","object":"urn:relais:post:0190a1b2c3d4"}""", OWN_OBJECTS, "data.object");
        refused("""
                {"type":"Delete","object":{"type":"Tombstone","id":"urn:relais:comment:0190a1b2c3d5"}}""",
                OWN_OBJECTS, "data.object.id");
        // nor another source's objects
        refused("""
                {"type":"Delete","object":"urn:relais:external:crm:deal-42"}""", OWN_OBJECTS, "data.object");
        refused("""
                {"type":"Update","object":{"type":"Event","id":"urn:relais:event:0190a1b2c3d6","name":"Deal perdu"}}""",
                OWN_OBJECTS, "data.object.id");
    }

    /**
     * Two systems of the generic source (an intranet and an IT status page): each has its own namespace, so neither
     * can update or delete the other's card by its IRI, and the same bare id names two different objects.
     */
    @Test
    void aSecondSystemOfTheSameSourceCannotUpdateOrDeleteTheFirstsObjects() {
        GenericFixtures.register("itstatus-connector", "itstatus", "Statut IT", "none");
        String news = unique("news");
        String created = unique("ce");
        asIntranet().body(cloudEvent(created, """
                {"type":"Create","object":{"type":"Note","id":"%s","name":"Fête d'été"}}""".formatted(news)))
                .post("/api/connectors/generic/events").then().statusCode(202);
        String card = GenericFixtures.publishedFor(created).object().id();
        assertThat(card).isEqualTo("urn:relais:external:generic.intranet:" + news);

        for (String activity : List.of("""
                {"type":"Update","object":{"type":"Note","id":"%s","name":"Annulée"}}""", """
                {"type":"Delete","object":"%s"}""")) {
            String ceId = unique("other-system");
            GenericFixtures.asGeneric("itstatus-connector").body(cloudEvent(ceId, activity.formatted(card)))
                    .post("/api/connectors/generic/events").then().statusCode(403).contentType("application/problem+json")
                    .body("rule", equalTo(OWN_OBJECTS)).body("detail", containsString("urn:relais:external:generic.itstatus:"));
            nothingPublishedFor(ceId);
        }
        // the same bare id from the other system is that system's own object, not the intranet's card
        String sameId = unique("ce");
        GenericFixtures.asGeneric("itstatus-connector").body(cloudEvent(sameId, """
                {"type":"Update","object":{"type":"Note","id":"%s","name":"Annulée"}}""".formatted(news)))
                .post("/api/connectors/generic/events").then().statusCode(202);
        assertThat(GenericFixtures.publishedFor(sameId).object().id()).isEqualTo("urn:relais:external:generic.itstatus:" + news);
    }

    @Test
    void reactionsAndRelationshipsOnBehalfOfPeopleAreRefused() {
        refused("""
                {"type":"Like","actor":"urn:relais:person:alice","object":"urn:relais:post:0190a1b2c3d4"}""",
                "a connector may not react or share on behalf of people", "data.type");
        refused("""
                {"type":"Undo","actor":"urn:relais:person:alice","object":{"type":"Like","id":"urn:relais:activity:x"}}""",
                "a connector may not react or share on behalf of people", "data.type");
        refused("""
                {"type":"Announce","actor":"urn:relais:person:bob","object":"urn:relais:post:0190a1b2c3d4"}""",
                "a connector may not react or share on behalf of people", "data.type");
        refused("""
                {"type":"Follow","actor":"urn:relais:person:alice","object":"urn:relais:person:mallory"}""",
                "a connector may not assert relationships between people", "data.type");
        refused("""
                {"type":"Block","actor":"urn:relais:person:alice","object":"urn:relais:person:carol"}""",
                "a connector may not assert relationships between people", "data.type");
    }

    @Test
    void aPostInAPersonsNameIsRefusedWithoutPeopleMatching() {
        refused("""
                {"type":"Create","actor":"urn:relais:person:carol","object":{"type":"Note","content":"Je démissionne"}}""",
                "a connector may not act on behalf of people", "data.actor");
        refused("""
                {"type":"Create","object":{"type":"Note","content":"Je démissionne","attributedTo":["urn:relais:person:carol"]}}""",
                "a connector may not act on behalf of people", "data.object.attributedTo[0]");
    }

    @Test
    void communitiesAndSystemsAreNotTheConnectorsToAssert() {
        refused("""
                {"type":"Update","object":{"type":"Group","id":"urn:relais:community:board-secret","name":"Board",
                 "relais":{"visibility":"public"}}}""",
                "the relais extension is written by Relais, not by a connector", "data.object.relais");
        refused("""
                {"type":"Create","object":{"type":"Group","id":"board-2","name":"Board 2"}}""",
                "a connector may not assert communities, organisations or systems", "data.object.type");
    }

    /**
     * A title that looks like markup is text (the product's rule: partner text is never markup in someone else's
     * page, so pages escape it; refusing it would make business systems rename their customers): each source
     * accepts it and the published activity carries exactly those characters.
     */
    @Test
    void aTitleThatLooksLikeMarkupIsPublishedAsTheSameTextWhereverItComesFrom() {
        String ceId = unique("ce");
        asIntranet().body(cloudEvent(ceId, """
                {"type":"Create","object":{"type":"Document","name":"<script>alert(1)</script>Charte & \\"Co\\"",
                 "url":"https://intranet.example/charte.pdf"}}"""))
                .post("/api/connectors/generic/events").then().statusCode(202);
        assertThat(publishedFor(ceId).object().name()).isEqualTo("<script>alert(1)</script>Charte & \"Co\"");

        String nameMap = unique("ce");
        asIntranet().body(cloudEvent(nameMap, """
                {"type":"Create","object":{"type":"Note","nameMap":{"fr":"Bonjour","en":"<img src=x onerror=alert(1)>Hello"}}}"""))
                .post("/api/connectors/generic/events").then().statusCode(202);
        assertThat(publishedFor(nameMap).object().nameMap()).containsEntry("en", "<img src=x onerror=alert(1)>Hello");

        // an ECM title and an HR display name: the same rule for the business sources
        String document = unique("sp");
        String div = "<div hx-post=\"/api/follows/mallory\" hx-trigger=\"load\">Charte</div>";
        asClient("ecm-connector").body(ConnectorFixtures.document("document.published", document, "DOC-" + document, null)
                        .replace("Politique de télétravail 2027", div.replace("\"", "\\\"")))
                .post("/api/connectors/ecm/events").then().statusCode(202);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(document))).singleElement()
                .extracting(r -> ActivityJson.read(r.value()).object().nameMap().get("fr")).asString().contains(div);
        String hire = unique("wd");
        asClient("hr-connector").body(ConnectorFixtures.hire(hire, unique("eve").toLowerCase()).replace("Dave Martin", "<b>Eve</b> & Co"))
                .post("/api/connectors/hr/events").then().statusCode(202);
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(hire))).singleElement()
                .extracting(r -> ActivityJson.read(r.value()).object().nameMap().get("en")).isEqualTo("Welcome <b>Eve</b> & Co!");
    }

    @Test
    void markupInTheCloudEventTypeIsRefused() {
        String ceId = unique("forged");
        asIntranet().body(cloudEvent(ceId, "{\"type\":\"Create\",\"object\":{\"type\":\"Note\",\"name\":\"x\"}}")
                        .replace("com.example.intranet.published", "<img src=x onerror=alert(1)>"))
                .post("/api/connectors/generic/events").then().statusCode(400).body("errors.field", hasItem("type"));
        nothingPublishedFor(ceId);
    }

    /** A system's name is a name like any other: kept as text, cleaned of what is not text at all. */
    @Test
    void aSystemNameWithAngleBracketsAndAmpersandsIsKeptAsText() {
        ConnectorFixtures.asAdmin().body("""
                {"sources":["generic"],"defaultAudience":"organisation","system":"rnd","systemName":"R&D <Labs>\\u200b"}""")
                .put("/api/connectors/registrations/rnd-connector").then().statusCode(anyOf(is(200), is(201)))
                .body("systemName", equalTo("R&D <Labs>"));
        ConnectorFixtures.asAdmin().body("""
                {"sources":["generic"],"defaultAudience":"organisation","system":"rnd","systemName":"\\u200b\\u202e"}""")
                .put("/api/connectors/registrations/rnd-connector").then().statusCode(400)
                .body("errors.field", hasItem("systemName"));
    }

    @Test
    void markupInASummaryOrContentIsMadeSafeNotStored() {
        String ceId = unique("ce");
        asIntranet().body(cloudEvent(ceId, """
                {"type":"Create","object":{"type":"Note","name":"Menu",
                 "summary":"<b>Lundi</b> : <i>gratin</i><script>steal()</script>",
                 "content":"<p onclick=\\"x()\\" hx-get=\\"/api/follows\\">Gratin <a href=\\"javascript:alert(1)\\">ici</a></p><style>p{}</style>"}}"""))
                .post("/api/connectors/generic/events").then().statusCode(202);
        Activity a = publishedFor(ceId);
        assertThat(a.object().summary()).isEqualTo("Lundi : gratin");
        assertThat(a.object().content()).isEqualTo("<p>Gratin ici</p>");
        assertThat(recordsNow(Topics.ACTIVITIES, mentioning(ceId)).get(0).value())
                .doesNotContain("<script", "steal", "onclick", "hx-get", "javascript:");
    }

    @Test
    void controlBidiAndZeroWidthCharactersAreStrippedFromPartnerText() {
        String ceId = unique("ce");
        asIntranet().body(cloudEvent(ceId, """
                {"type":"Create","object":{"type":"Note","name":"Fe\\u0302te\\u202e d'\\u200bété\\u0000",
                 "summary":"Ligne 1\\nLigne\\u2066 2"}}"""))
                .post("/api/connectors/generic/events").then().statusCode(202);
        Activity a = publishedFor(ceId);
        assertThat(a.object().name()).isEqualTo("Fête d'été");
        assertThat(a.object().summary()).isEqualTo("Ligne 1 Ligne 2");
    }

    @Test
    void aForgedItemOfABatchIsRefusedWithItsRuleAndTheOthersArePublished() {
        String good = unique("ce"), forged = unique("forged");
        asIntranet().contentType("application/cloudevents-batch+json")
                .body("[" + cloudEvent(good, "{\"type\":\"Create\",\"object\":{\"type\":\"Note\",\"content\":\"ok\"}}") + ","
                        + cloudEvent(forged, "{\"type\":\"Join\",\"actor\":\"urn:relais:person:mallory\",\"object\":\"urn:relais:community:board\"}")
                        + "]")
                .post("/api/connectors/generic/events/batch").then().statusCode(200)
                .body("published", equalTo(1))
                .body("results[1].outcome", equalTo("refused")).body("results[1].rule", equalTo(MEMBERSHIPS))
                .body("results[1].errors[0].field", equalTo("[1].data.type"));
        assertThat(publishedFor(good)).isNotNull();
        nothingPublishedFor(forged);
    }

    @Test
    void aDryRunOfAForgeryIsRefusedToo() {
        asIntranet().body(cloudEvent(unique("forged"), """
                {"type":"Join","actor":"urn:relais:person:mallory","object":"urn:relais:community:board"}"""))
                .post("/api/connectors/generic/events/dry-run").then().statusCode(403).body("rule", equalTo(MEMBERSHIPS));
    }
}
