package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Iri;
import io.relais.events.Tag;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Private and secret content never shows, not in hits, totals, facet counts nor suggestions. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class PermissionTrimmingTest {

    @Test
    void privateCommunityContentAndItsFacetCountsAreInvisibleToANonMemberAndVisibleToAMember() {
        String u = unique();
        String slug = "priv-" + u;
        String word = "confidentiel" + u;
        publish(Events.community(slug, "Projet " + u, "private"));
        publish(Events.join("carol", slug));
        Activity inside = Events.post("carol", "<p>" + word + " budget</p>", List.of(Iri.community(slug)), null);
        Activity outside = Events.orgPost("carol", "<p>" + word + " annonce</p>");
        publish(inside);
        publish(outside);

        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.ids("carol", Map.of("q", word))).containsExactlyInAnyOrder(inside.object().id(), outside.object().id()));
        Response member = Api.search("carol", Map.of("q", word));
        assertThat(member.jsonPath().getInt("total")).isEqualTo(2);
        assertThat(Api.facet(member, "community")).containsEntry(Iri.community(slug), 1);

        Response nonMember = Api.search("bob", Map.of("q", word));
        assertThat(nonMember.jsonPath().getList("hits.id")).containsExactly(outside.object().id());
        assertThat(nonMember.jsonPath().getInt("total")).isEqualTo(1);
        assertThat(Api.facet(nonMember, "community")).doesNotContainKey(Iri.community(slug));
        assertThat(Api.facet(nonMember, "type")).containsExactly(Map.entry("post", 1));
        assertThat(Api.ids("bob", Map.of("q", word, "community", slug))).isEmpty();
    }

    /**
     * A CRM card for a secret community is attributed to the owner its system names, who is not a member: that owner
     * did not write it and finds it only through its audience, like anyone else; a member finds it.
     */
    @Test
    void aCardForASecretCommunityIsNotFoundByTheOwnerItNamesWhoIsNotAMember() {
        String u = unique();
        String slug = "board-" + u;
        String word = "acquisition" + u;
        publish(Events.community(slug, "Board " + u, "secret"));
        publish(Events.join("hugo", slug));
        String id = Iri.of(Iri.BUSINESS_EVENT, java.util.UUID.randomUUID().toString());
        AsObject deal = AsObject.builder().id(id).type(As2.EVENT).name("Deal " + word).summary(word + " signed")
                .attributedTo(Iri.person("ivy")).to(List.of(Iri.community(slug))).build();
        AsObject system = AsObject.builder().id("urn:relais:source:crm.salesforce").type(As2.APPLICATION).name("Salesforce").build();
        publish(Activity.builder().type(As2.CREATE).actor(system.id()).object(deal).to(List.of(Iri.community(slug))).generator(system)
                .relais(Map.of("business", Map.of("source", "crm", "eventType", "opportunity.won", "system", "salesforce",
                        "sourceEventId", u, "data", Map.of()))).build(), "/connectors/crm/salesforce");

        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(Api.ids("hugo", Map.of("q", word))).containsExactly(id));
        Response owner = Api.search("ivy", Map.of("q", word));
        assertThat(owner.jsonPath().getList("hits")).isEmpty();
        assertThat(owner.jsonPath().getInt("total")).isZero();
    }

    @Test
    void aMemberWhoLeavesNoLongerFindsTheCommunityContent() {
        String u = unique();
        String slug = "leave-" + u;
        String word = "roadmap" + u;
        publish(Events.community(slug, "Roadmap " + u, "private"));
        publish(Events.join("dave", slug));
        Activity inside = Events.post("erin", "<p>" + word + "</p>", List.of(Iri.community(slug)), null);
        publish(inside);
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.ids("dave", Map.of("q", word))).containsExactly(inside.object().id()));

        publish(Events.leave("dave", slug));
        await().atMost(Events.WAIT).untilAsserted(() -> {
            Response r = Api.search("dave", Map.of("q", word));
            assertThat(r.jsonPath().getList("hits")).isEmpty();
            assertThat(r.jsonPath().getInt("total")).isZero();
        });
    }

    @Test
    void aPersonAlwaysFindsWhatTheyWroteAndWhatIsAddressedToThem() {
        String word = "direct" + unique();
        Activity toFrank = Events.post("grace", "<p>" + word + "</p>", List.of(Iri.person("frank")), null);
        publish(toFrank);
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(Api.ids("frank", Map.of("q", word))).containsExactly(toFrank.object().id());
            assertThat(Api.ids("grace", Map.of("q", word))).containsExactly(toFrank.object().id());
        });
        assertThat(Api.ids("heidi", Map.of("q", word))).isEmpty();
    }

    @Test
    void secretCommunitiesAndTheirHashtagsAreSuggestedToMembersOnly() {
        String u = unique();
        String slug = "secret-" + u;
        String name = "Zorglub" + u;
        String tag = "zorg" + u;
        publish(Events.community(slug, name, "secret"));
        publish(Events.join("ivan", slug));
        publish(Events.post("ivan", "<p>réunion</p>", List.of(Iri.community(slug)), null, java.time.Instant.now(), Tag.hashtag(tag)));

        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(Api.suggestions("ivan", name.toLowerCase().substring(0, 10), "community")).containsExactly(Iri.community(slug));
            assertThat(Api.suggestions("ivan", "#" + tag.substring(0, 8), "hashtag")).containsExactly(Iri.hashtag(tag));
        });
        assertThat(Api.suggestions("judy", name.substring(0, 10), "community")).isEmpty();
        assertThat(Api.suggestions("judy", "#" + tag.substring(0, 8), "hashtag")).isEmpty();
        assertThat(Api.ids("judy", Map.of("q", name))).isEmpty();
    }

    @Test
    void aHashtagsSuggestedUsesCountOnlyWhatTheReaderMaySee() {
        String u = unique();
        String slug = "secret-uses-" + u;
        String tag = "usecount" + u;
        publish(Events.community(slug, "Uses " + u, "secret"));
        publish(Events.join("ivan", slug));
        publish(Events.orgPost("grace", "<p>open</p>", Tag.hashtag(tag)));
        publish(Events.post("ivan", "<p>inside</p>", List.of(Iri.community(slug)), null, Tag.hashtag(tag)));

        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(uses("ivan", tag)).isEqualTo(2));
        assertThat(uses("judy", tag)).isEqualTo(1);
    }

    /** The {@code uses} of the one hashtag suggested for {@code #tag} to this reader. */
    private static int uses(String login, String tag) {
        Response r = Api.get("/api/search/suggest", login, Map.of("q", "#" + tag, "types", "hashtag"));
        r.then().statusCode(200);
        assertThat(r.jsonPath().getList("suggestions.id")).containsExactly(Iri.hashtag(tag));
        return r.jsonPath().getInt("suggestions[0].uses");
    }

    @Test
    void publicCommunitiesAreSuggestedToEveryone() {
        String u = unique();
        String slug = "pub-" + u;
        publish(Events.community(slug, "Photographie " + u, "public"));
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.suggestions("kim", "photo " + u.substring(0, 4), "community")).containsExactly(Iri.community(slug)));
    }
}
