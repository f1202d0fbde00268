package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Facet counts per filter, filters, and cursor paging without duplicates or gaps. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class FacetsAndPagingTest {

    @Test
    void facetsCountEachTypeCommunityAuthorSourceAndDate() {
        String u = unique();
        String word = "facette" + u;
        String slug = "facets-" + u;
        publish(Events.community(slug, "Facettes " + u, "public"));
        // a hit or facet names a community only once search knows it (its posts travel on other partitions)
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(Api.ids("carol", Map.of("community", slug, "type", "community")))
                .containsExactly(Iri.community(slug)));
        List<String> audience = List.of(Iri.community(slug));
        Activity p1 = Events.post("alice", "<p>" + word + " un</p>", audience, List.of(Audience.ORGANISATION));
        Activity p2 = Events.post("bob", "<p>" + word + " deux</p>", audience, List.of(Audience.ORGANISATION),
                Instant.now().minus(40, ChronoUnit.DAYS));
        Activity p3 = Events.orgPost("alice", "<p>" + word + " trois</p>");
        publish(p1);
        publish(p2);
        publish(p3);
        publish(Events.comment("bob", p1, "<p>" + word + " commentaire</p>"));
        Events.publishAccepted(Events.hrEvent("Workday", "Arrivée " + word, "Bienvenue à Zoé", List.of(Audience.ORGANISATION)));

        await().atMost(Events.WAIT).until(() -> Api.search("carol", Map.of("q", word)).jsonPath().getInt("total") == 5);
        Response r = Api.search("carol", Map.of("q", word));
        assertThat(Api.facet(r, "type")).containsOnly(Map.entry("post", 3), Map.entry("comment", 1), Map.entry("event", 1));
        assertThat(Api.facet(r, "community")).containsOnly(Map.entry(Iri.community(slug), 3));
        assertThat(Api.facet(r, "author")).containsOnly(Map.entry(Iri.person("alice"), 2), Map.entry(Iri.person("bob"), 2));
        assertThat(Api.facet(r, "source")).containsOnly(Map.entry("Workday", 1));
        assertThat(Api.facet(r, "date")).containsEntry("week", 4).containsEntry("year", 5).containsEntry("older", 0);

        assertThat(Api.ids("carol", Map.of("q", word, "type", "post", "author", "alice")))
                .containsExactlyInAnyOrder(p1.object().id(), p3.object().id());
        assertThat(Api.ids("carol", Map.of("q", word, "source", "Workday"))).hasSize(1);
        assertThat(Api.ids("carol", Map.of("q", word, "to", Instant.now().minus(30, ChronoUnit.DAYS).toString())))
                .containsExactly(p2.object().id());
        assertThat(Api.ids("carol", Map.of("q", word, "community", slug, "type", "comment"))).hasSize(1);
    }

    @Test
    void cursorPagingReturnsEveryHitOnceInBothOrders() {
        String word = "page" + unique();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // repeated words vary the relevance so the two orders differ
            Activity a = Events.post("alice", "<p>" + (word + " ").repeat(1 + i % 4) + "n°" + i + "</p>",
                    List.of(Audience.ORGANISATION), null, Instant.now().minusSeconds(i * 60L));
            publish(a);
            published.add(a.object().id());
        }
        await().atMost(Events.WAIT).until(() -> Api.search("bob", Map.of("q", word)).jsonPath().getInt("total") == 23);
        for (String sort : List.of("relevance", "recent")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Map<String, Object> params = new HashMap<>(Map.of("q", word, "limit", 5, "sort", sort));
                if (cursor != null) params.put("cursor", cursor);
                Response r = Api.search("bob", params);
                seen.addAll(r.jsonPath().getList("hits.id"));
                cursor = r.jsonPath().getString("nextCursor");
                pages++;
            } while (cursor != null && pages < 10);
            assertThat(pages).as(sort).isEqualTo(5);
            assertThat(seen).as(sort).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
            if (sort.equals("recent")) assertThat(seen).isEqualTo(published);
        }
    }

    /**
     * A cursor reads the ranking of the snapshot its first page came from, but never what that snapshot still holds and
     * the reader may no longer see: a post hidden by a moderator and one removed by its author after the first page are
     * not on the later pages, nor in their total, facet counts or snippets, in both orders.
     */
    @Test
    void aLaterPageNeverShowsWhatWasHiddenOrRemovedSinceTheFirst() {
        String word = "instantane" + unique();
        Instant now = Instant.now();
        Activity first = Events.post("alice", "<p>" + word + " " + word + " " + word + " premier</p>",
                List.of(Audience.ORGANISATION), null, now);
        Activity hidden = Events.post("alice", "<p>" + word + " " + word + " masque plus tard</p>",
                List.of(Audience.ORGANISATION), null, now.minusSeconds(60));
        Activity removed = Events.post("alice", "<p>" + word + " retire plus tard</p>",
                List.of(Audience.ORGANISATION), null, now.minusSeconds(120));
        for (Activity a : List.of(first, hidden, removed)) publish(a);
        await().atMost(Events.WAIT).until(() -> Api.search("bob", Map.of("q", word)).jsonPath().getInt("total") == 3);
        Map<String, String> cursors = new HashMap<>();
        for (String sort : List.of("relevance", "recent")) {
            Response page = Api.search("bob", Map.of("q", word, "limit", 1, "sort", sort));
            assertThat(page.jsonPath().getList("hits.id")).as(sort).containsExactly(first.object().id());
            cursors.put(sort, page.jsonPath().getString("nextCursor"));
        }

        publish(ModerationIndexingTest.decision(hidden, "hide", true));
        publish(Events.delete(removed));
        await().atMost(Events.WAIT).until(() -> Api.search("bob", Map.of("q", word)).jsonPath().getInt("total") == 1);

        for (String sort : List.of("relevance", "recent")) {
            List<String> later = new ArrayList<>();
            String cursor = cursors.get(sort);
            for (int pages = 0; cursor != null && pages < 5; pages++) {
                Response r = Api.search("bob", Map.of("q", word, "limit", 1, "sort", sort, "cursor", cursor));
                later.addAll(r.jsonPath().getList("hits.id"));
                assertThat(r.jsonPath().getInt("total")).as(sort + " total").isEqualTo(1);
                assertThat(Api.facet(r, "type")).as(sort + " type facet").containsOnly(Map.entry("post", 1));
                assertThat(r.asString()).as(sort + " snippets").doesNotContain("masque").doesNotContain("retire");
                cursor = r.jsonPath().getString("nextCursor");
            }
            assertThat(later).as(sort + " later pages").doesNotContain(hidden.object().id(), removed.object().id());
        }
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        Api.get("/api/search", "alice", Map.of("type", "tweet")).then().statusCode(400).contentType("application/problem+json");
        Api.get("/api/search", "alice", Map.of("limit", 500)).then().statusCode(400);
        Api.get("/api/search", "alice", Map.of("from", "yesterday")).then().statusCode(400);
        Api.get("/api/search", "alice", Map.of("cursor", "garbage!")).then().statusCode(400);
        // well-formed cursors at positions no page has: before the first hit, past the deepest relevance page
        for (String raw : List.of("r|x|0|-1", "r|x|0|2147483647", "d|x|0|-5|0|urn:relais:post:x")) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
            Api.get("/api/search", "alice", Map.of("cursor", cursor, "sort", raw.startsWith("r") ? "relevance" : "recent"))
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        }
        Api.get("/api/search", "alice", Map.of("sort", "popular")).then().statusCode(400);
    }
}
