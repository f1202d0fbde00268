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

    /**
     * A member who leaves a private community no longer finds its content, not even what he wrote there: feed-service
     * answers 404 to it (its thread rule judges a writer by the audience like anyone), so search has no link to give.
     */
    @Test
    void aMemberWhoLeavesNoLongerFindsTheCommunityContent() {
        String u = unique();
        String slug = "leave-" + u;
        String word = "roadmap" + u;
        publish(Events.community(slug, "Roadmap " + u, "private"));
        publish(Events.join("dave", slug));
        Activity inside = Events.post("erin", "<p>" + word + "</p>", List.of(Iri.community(slug)), null);
        Activity his = Events.post("dave", "<p>" + word + " too</p>", List.of(Iri.community(slug)), null);
        publish(inside);
        publish(his);
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.ids("dave", Map.of("q", word))).containsExactlyInAnyOrder(inside.object().id(), his.object().id()));

        publish(Events.leave("dave", slug));
        await().atMost(Events.WAIT).untilAsserted(() -> {
            Response r = Api.search("dave", Map.of("q", word));
            assertThat(r.jsonPath().getList("hits")).isEmpty();
            assertThat(r.jsonPath().getInt("total")).isZero();
        });
    }

    /**
     * A member removed from a secret community no longer finds what she wrote there, post or comment: feed-service
     * answers 404 to both (its thread rule judges a writer by the audience like anyone; she keeps the right to delete
     * them, and an export gives her the text), so a hit was a dead link, with {@code community: null}. Nor do her
     * results name the community again: not its name as renamed after her removal, in no hit, label or facet, and it is
     * not suggested to her. A member who stays sees the new name, so the probe looks at data that exists.
     */
    @Test
    void aRemovedMemberNoLongerFindsWhatSheWroteThereNorTheSecretCommunitysNewName() {
        String u = unique();
        String slug = "bsec-" + u;
        String community = Iri.community(slug);
        String word = "heron" + u;
        String newName = "Layoffs plan " + u;
        String alice = "alice" + u;
        String bob = "bob" + u;
        publish(Events.community(slug, "Bob secret " + u, "secret"));
        publish(Events.join(bob, slug));
        publish(Events.join(alice, slug));
        Activity hers = Events.post(alice, "<p>alice in bob secret " + word + "</p>", List.of(community), null);
        Activity his = Events.post(bob, "<p>bob answers " + word + " ailleurs</p>", List.of(community), null);
        Activity comment = Events.comment(alice, his, "<p>" + word + " noted</p>");
        publish(hers);
        publish(his);
        publish(comment);
        await().atMost(Events.WAIT).untilAsserted(() -> {
            Response member = Api.search(alice, Map.of("q", word));
            assertThat(member.jsonPath().getList("hits.id"))
                    .containsExactlyInAnyOrder(hers.object().id(), his.object().id(), comment.object().id());
            assertThat(member.jsonPath().getMap("labels")).containsEntry(community, "Bob secret " + u);
            assertThat(Api.facet(member, "community")).containsEntry(community, 3);
        });

        publish(Events.leave(alice, slug));
        publish(Events.renamed(slug, newName, "secret"));
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(Api.search(bob, Map.of("q", word)).jsonPath().getMap("labels")).containsEntry(community, newName);
            assertThat(Api.ids(alice, Map.of("q", word))).doesNotContain(his.object().id());
        });

        Response removed = Api.search(alice, Map.of("q", word));
        assertThat(removed.jsonPath().getList("hits.id")).as("what she wrote there, as feed-service shows it: nothing").isEmpty();
        assertThat(removed.jsonPath().getInt("total")).as("total").isZero();
        assertThat(removed.asString()).as("the whole answer").doesNotContain(newName).doesNotContain(slug);
        assertThat(removed.jsonPath().getMap("labels")).as("labels").doesNotContainKey(community);
        assertThat(Api.facet(removed, "community")).as("community facet").isEmpty();
        assertThat(Api.facet(removed, "author")).as("author facet").isEmpty();
        Response byCommunity = Api.search(alice, Map.of("community", slug));
        assertThat(byCommunity.asString()).as("filtered by the community").doesNotContain(newName);
        assertThat(byCommunity.jsonPath().getList("hits")).isEmpty();
        assertThat(Api.ids(alice, Map.of("author", alice, "q", word))).as("filtered by herself as author").isEmpty();
        assertThat(Api.ids(alice, Map.of("q", newName))).as("the community by its new name").isEmpty();
        assertThat(Api.suggestions(alice, newName.toLowerCase().substring(0, 10), "community")).as("suggestions").isEmpty();
    }

    /**
     * What is addressed to a person is found by that person only; its writer too is judged by its audience, as
     * feed-service's thread rule judges her (feed-service publishes no such post: a post goes to the organisation or a
     * community; an item addressed to no key of its writer's is one she could not open).
     */
    @Test
    void aPersonFindsWhatIsAddressedToThemAndAWriterOnlyWhatItsAudienceAdmits() {
        String word = "direct" + unique();
        Activity toFrank = Events.post("grace", "<p>" + word + "</p>", List.of(Iri.person("frank")), null);
        Activity toGrace = Events.post("grace", "<p>" + word + " note</p>", List.of(Iri.person("grace")), null);
        publish(toFrank);
        publish(toGrace);
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(Api.ids("frank", Map.of("q", word))).containsExactly(toFrank.object().id());
            assertThat(Api.ids("grace", Map.of("q", word))).containsExactly(toGrace.object().id());
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

    /**
     * The owner who created a secret community, or last changed its settings, is the actor of its Group activity, not
     * its writer: once she leaves, the community is unknown to her as to any non-member (feed-service answers 404), so
     * search neither finds it, suggests it nor the post she wrote there (404 in feed-service too). A member who stays
     * still does.
     */
    @Test
    void theOwnerWhoCreatedASecretCommunityNoLongerFindsItOnceSheLeft() {
        String u = unique();
        String slug = "created-" + u;
        String community = Iri.community(slug);
        String name = "Chantier Orion " + u;
        String founder = "fanny" + u;
        String stays = "stan" + u;
        String word = "orion" + u;
        publish(Events.community(slug, name, "secret").toBuilder().actor(Iri.person(founder)).build());
        publish(Events.join(founder, slug));
        publish(Events.join(stays, slug));
        Activity hers = Events.post(founder, "<p>" + word + " lancement</p>", List.of(community), null);
        publish(hers);
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(Api.ids(founder, Map.of("q", name))).containsExactly(community);
            assertThat(Api.search(founder, Map.of("q", word)).jsonPath().getMap("labels")).containsEntry(community, name);
        });

        publish(Events.leave(founder, slug));
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.ids(founder, Map.of("q", name))).as("the community by its name").isEmpty());
        assertThat(Api.suggestions(founder, "chantier orion", "community")).as("suggestions").doesNotContain(community);
        Response own = Api.search(founder, Map.of("q", word));
        assertThat(own.jsonPath().getList("hits.id")).as("her own words there").isEmpty();
        assertThat(own.asString()).as("the whole answer").doesNotContain(name).doesNotContain(slug);
        assertThat(Api.ids(stays, Map.of("q", name))).as("a member").containsExactly(community);
    }

    /**
     * An edit that takes a mention and a hashtag out of a post takes them out of search: the post is no longer found
     * by {@code @login} nor {@code #tag}, and the hashtag is no longer suggested with a use.
     */
    @Test
    void anEditThatDropsAMentionAndAHashtagTakesThemOutOfSearch() {
        String u = unique();
        String tag = "retrait" + u;
        String mentioned = "mona" + u;
        Activity post = Events.orgPost("grace", "<p>Avec @" + mentioned + " #" + tag + "</p>",
                Tag.mention(Iri.person(mentioned), mentioned), Tag.hashtag(tag));
        publish(post);
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(Api.ids("judy", Map.of("q", "@" + mentioned))).containsExactly(post.object().id());
            assertThat(Api.ids("judy", Map.of("q", "#" + tag))).containsExactly(post.object().id());
        });
        Activity edited = Events.edit(post, "<p>Sans personne</p>");
        publish(edited.toBuilder().object(edited.object().toBuilder().tag(null).build()).build());
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(Api.ids("judy", Map.of("q", "@" + mentioned))).isEmpty();
            assertThat(Api.ids("judy", Map.of("q", "#" + tag))).isEmpty();
        });
        assertThat(Api.suggestions("judy", "#" + tag, "hashtag")).isEmpty();
    }

    /**
     * A secret community made public is listed to everyone (its name, as feed-service's directory does) but what was
     * written while it was secret stays addressed to its members; made secret again, it is unknown to non-members again.
     */
    @Test
    void aSecretCommunityMadePublicAndSecretAgainShowsOutsidersOnlyWhatItsSettingsSay() {
        String u = unique();
        String slug = "flip-" + u;
        String name = "Bascule " + u;
        String word = "bascule" + u;
        publish(Events.community(slug, name, "secret"));
        publish(Events.join("ivan", slug));
        Activity whileSecret = Events.post("ivan", "<p>" + word + " entre nous</p>", List.of(Iri.community(slug)), null);
        publish(whileSecret);
        await().atMost(Events.WAIT).until(() -> Api.ids("ivan", Map.of("q", word)).size() == 1);
        assertThat(Api.ids("judy", Map.of("q", name))).isEmpty();

        publish(Events.renamed(slug, name, "public"));
        await().atMost(Events.WAIT).untilAsserted(() ->
                assertThat(Api.ids("judy", Map.of("q", name))).containsExactly(Iri.community(slug)));
        assertThat(Api.ids("judy", Map.of("q", word))).as("what was written while it was secret").isEmpty();

        publish(Events.renamed(slug, name, "secret"));
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(Api.ids("judy", Map.of("q", name))).isEmpty());
        assertThat(Api.suggestions("judy", "bascule " + u, "community")).isEmpty();
        assertThat(Api.ids("ivan", Map.of("q", name))).containsExactly(Iri.community(slug));
    }
}
