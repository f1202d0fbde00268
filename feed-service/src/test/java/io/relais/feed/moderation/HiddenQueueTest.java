package io.relais.feed.moderation;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static io.relais.feed.moderation.DecisionTest.aCommunityWithAModerator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** What moderators find in their queues: every hidden item, and excerpts as readers see them. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class HiddenQueueTest {

    /**
     * The tester's finding: a post hidden directly, without any report, was in no queue ({@code state=hidden} answered
     * {@code []}), so nobody could find it to restore it.
     */
    @Test
    void aPostHiddenWithoutAnyReportIsInTheHiddenQueueWithWhoHidItAndWhenAndIsRestoredFromThere() {
        DecisionTest.Setup s = aCommunityWithAModerator();
        String manager = person("manager");
        String id = post(s.author(), s.slug(), "Publié sans signalement");
        as(s.mod()).body(Map.of("object", id, "action", "hide", "reason", "Hors sujet")).post("/api/moderation/actions")
                .then().statusCode(200).body("reportsResolved", equalTo(0));

        String item = "items.find { it.object == '" + id + "' }";
        as(s.mod()).get("/api/moderation/queue?community={slug}&state=hidden", s.slug()).then().statusCode(200)
                .body(item + ".hiddenReason", equalTo("Hors sujet")).body(item + ".hiddenBy.login", equalTo(s.mod()))
                .body(item + ".hiddenAt", notNullValue()).body(item + ".reports", equalTo(0))
                .body(item + ".excerpt", equalTo("Publié sans signalement"));
        as(manager, "employee", "community-manager").get("/api/moderation/queue?state=hidden").then().statusCode(200)
                .body("items.object", hasItem(id));
        as(s.mod()).get("/api/moderation/queue?community={slug}", s.slug()).then().statusCode(200).body("items.object", not(hasItem(id)));

        as(manager, "employee", "community-manager").body(Map.of("object", id, "action", "restore", "reason", "Pertinent finalement"))
                .post("/api/moderation/actions").then().statusCode(200).body("state", equalTo("visible"));
        as(s.reader()).get("/api/posts/{id}", local(id)).then().statusCode(200);
        as(s.mod()).get("/api/moderation/queue?community={slug}&state=hidden", s.slug()).then().statusCode(200)
                .body("items.object", not(hasItem(id)));
    }

    /**
     * A queue offers each of its readers the decisions they may take (found trying the stack: the decision API refuses a
     * restore of what the organisation hid to a community's moderators, and any decision on one's own words), so the
     * moderation page does not show a button that would be refused.
     */
    @Test
    void eachQueueItemOffersOnlyTheDecisionsItsReaderMayTake() {
        DecisionTest.Setup s = aCommunityWithAModerator();
        String manager = person("manager");
        String byManager = post(s.author(), s.slug(), "Masqué par la direction");
        as(manager, "employee", "community-manager").body(Map.of("object", byManager, "action", "hide", "reason", "Hors charte"))
                .post("/api/moderation/actions").then().statusCode(200);
        String byMod = post(s.author(), s.slug(), "Masqué par la modération");
        as(s.mod()).body(Map.of("object", byMod, "action", "hide", "reason", "Hors sujet")).post("/api/moderation/actions")
                .then().statusCode(200);
        String modsOwn = post(s.mod(), s.slug(), "Écrit par le modérateur");
        as(s.reader()).body(Map.of("object", modsOwn, "reason", "other")).post("/api/reports").then().statusCode(201);

        as(s.mod()).get("/api/moderation/queue?community={slug}&state=hidden", s.slug()).then().statusCode(200)
                .body(actionsOf(byManager), equalTo(java.util.List.of("remove")))
                .body(actionsOf(byMod), equalTo(java.util.List.of("restore", "remove")));
        as(manager, "employee", "community-manager").get("/api/moderation/queue?community={slug}&state=hidden", s.slug()).then()
                .statusCode(200).body(actionsOf(byManager), equalTo(java.util.List.of("restore", "remove")));
        as(s.mod()).get("/api/moderation/queue?community={slug}", s.slug()).then().statusCode(200)
                .body(actionsOf(modsOwn), equalTo(java.util.List.of()));
        as(s.owner()).get("/api/moderation/queue?community={slug}", s.slug()).then().statusCode(200)
                .body(actionsOf(modsOwn), equalTo(java.util.List.of("hide", "remove")));
    }

    static String actionsOf(String object) {
        return "items.find { it.object == '" + object + "' }.actions";
    }

    /** The tester's finding: the queue showed the author's Markdown and typed HTML ({@code <p>Risk: …}) as the excerpt. */
    @Test
    void theQueueExcerptIsThePlainTextReadersSeeNeverMarkup() {
        DecisionTest.Setup s = aCommunityWithAModerator();
        String markdown = post(s.author(), s.slug(), "**Risk**: the <em>payment</em> provider &amp; [its docs](https://docs.example)\n\n> quoted");
        String typedHtml = post(s.author(), s.slug(), "<p>Risk: the payment provider</p>");
        for (String id : java.util.List.of(markdown, typedHtml)) {
            as(s.reader()).body(Map.of("object", id, "reason", "other")).post("/api/reports").then().statusCode(201);
        }
        as(s.mod()).get("/api/moderation/queue?community={slug}", s.slug()).then().statusCode(200)
                .body("items.find { it.object == '" + markdown + "' }.excerpt", equalTo("Risk: the payment provider & its docs quoted"))
                .body("items.find { it.object == '" + typedHtml + "' }.excerpt", equalTo("Risk: the payment provider"));
    }
}
