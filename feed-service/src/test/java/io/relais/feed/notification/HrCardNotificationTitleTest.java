package io.relais.feed.notification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.CloudEventAttributes;
import io.relais.events.HrAcceptance;
import io.relais.events.Iri;
import io.relais.events.RecordKey;
import io.relais.feed.community.Fixtures;
import io.relais.testing.RelaisTestResources;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.person;
import static io.relais.feed.feedview.FeedFixtures.publishActivity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HR may send only the login of the person an event is about (employee.left and .moved require no displayName), and
 * the connector's title then reads "Farewell bob": a notification about that card names the person by the display
 * name profile-service gave feed-service, never by the raw login.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class HrCardNotificationTitleTest {

    @Test
    void aFarewellCardsNotificationNamesThePersonByTheirDisplayNameWhenHrSentOnlyTheLogin() {
        String leaver = fresh("leaver"), colleague = person("colleague");
        Fixtures.store().getCollection("profiles").insertOne(new Document("_id", Iri.person(leaver)).append("login", leaver)
                .append("name", "Bérénice Leroy").append("status", "active"));
        String card = Iri.external("hr.workday", "left-" + leaver);
        String source = Iri.of(Iri.SOURCE, "hr.workday");
        AsObject event = AsObject.builder().id(card).type(As2.EVENT).attributedTo(Iri.person(leaver))
                .name("Farewell " + leaver).nameMap(Map.of("en", "Farewell " + leaver, "fr", "Au revoir " + leaver))
                .summary(leaver + " leaves the company on 2026-12-31.").to(Iri.person(colleague))
                .relais(Map.of("business", Map.of("source", "hr", "eventType", "employee.left", "system", "workday",
                        "sourceEventId", card, "data", Map.of("login", leaver, "leftDate", "2026-12-31")))).build();
        Activity left = HrAcceptance.accepted(Activity.builder().type(As2.CREATE).actor(source)
                .generator(AsObject.builder().type(As2.APPLICATION).id(source).name("Workday").build())
                .object(event).to(Iri.person(colleague)).build());
        publishActivity(left, CloudEventAttributes.PROFILE_SOURCE, RecordKey.of(left));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(as(colleague).get("/api/notifications").then().statusCode(200)
                .extract().jsonPath().getMap("items[0].title")).isEqualTo(Map.of("en", "Farewell Bérénice Leroy", "fr", "Au revoir Bérénice Leroy")));
    }
}
