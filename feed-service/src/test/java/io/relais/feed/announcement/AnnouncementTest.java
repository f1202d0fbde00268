package io.relais.feed.announcement;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Audience;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class AnnouncementTest {

    @Test
    void communityManagersAnnounceToEveryoneUntilEachPersonDismissesIt() {
        String manager = person("bob");
        String alice = person("alice");
        String carol = person("carol");
        as(alice).body(Map.of("content", "Pas le droit")).post("/api/announcements").then().statusCode(403);
        String id = as(manager, "employee", "community-manager").body(Map.of("content", "<p>Nouveau règlement télétravail</p>"))
                .post("/api/announcements").then().statusCode(201).extract().path("id");
        as(alice).get("/api/announcements").then().statusCode(200).body("id", hasItem(id));
        as(alice).post("/api/announcements/{id}/dismiss", local(id)).then().statusCode(204);
        as(alice).get("/api/announcements").then().body("id", not(hasItem(id)));
        as(carol).get("/api/announcements").then().body("id", hasItem(id));
        Activity a = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains(id)
                && r.value().contains("\"Create\""), 1, Duration.ofSeconds(30)).get(0).value());
        assertThat(a.to()).containsExactly(Audience.ORGANISATION);
        assertThat(a.object().relais()).containsKey("announcement");
    }

    @Test
    void aDismissedAnnouncementLeavesThatPersonsHomeFeedAltogether() {
        String manager = person("bob");
        String alice = person("alice");
        String carol = person("carol");
        String tag = "fermeture" + Long.toString(System.nanoTime(), 36);
        String id = as(manager, "employee", "community-manager").body(Map.of("content", "<p>Fermeture vendredi #" + tag + "</p>"))
                .post("/api/announcements").then().statusCode(201).extract().path("id");
        as(alice).post("/api/announcements/{id}/dismiss", local(id)).then().statusCode(204);
        // once the timelines hold it (the fan-out wrote its hashtag's timeline too)…
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(carol).get("/api/feed/hashtags/" + tag + "?limit=50")
                .then().statusCode(200).body("items.post.id", hasItem(id)));
        for (String order : List.of("newest", "relevant")) {
            // …carol still has it, alice, who dismissed it, has it nowhere
            as(carol).get("/api/feed/home?limit=50&order=" + order).then().statusCode(200).body("items.post.id", hasItem(id));
            as(alice).get("/api/feed/home?limit=50&order=" + order).then().statusCode(200).body("items.post.id", not(hasItem(id)));
        }
    }

    @Test
    void anExpiryMustBeInTheFutureAndWithinNinetyDays() {
        String manager = person("bob");
        as(manager, "employee", "community-manager").body(Map.of("content", "x", "expires", Instant.now().minusSeconds(60).toString()))
                .post("/api/announcements").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("expires"));
        as(manager, "employee", "community-manager").body(Map.of("content", "x", "expires", Instant.now().plus(Duration.ofDays(91)).toString()))
                .post("/api/announcements").then().statusCode(400);
        as(person("alice")).post("/api/announcements/{id}/dismiss", "0190d3a0-0000-7000-8000-000000000000").then().statusCode(404);
    }
}
