package io.relais.feed.post;

import com.mongodb.client.model.Updates;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Audience;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.feed.threadview.PostView;
import io.relais.feed.threadview.PostViews;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.relais.feed.community.Fixtures.addMember;
import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static io.relais.feed.community.Fixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class PostTest {

    static ConsumerRecord<String, String> publishedRecord(String type, String objectId) {
        return KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value() != null && r.value().contains("\"" + type + "\"")
                && r.value().contains(objectId) && objectId.equals(ActivityJson.read(r.value()).object().id()), 1,
                Duration.ofSeconds(30)).get(0);
    }

    @Test
    void anOrganisationWidePostIsPublishedAsACreateNoteToTheOrganisation() {
        String alice = person("alice");
        String id = post(alice, null, "<p>Bonjour à toutes et à tous</p>");
        ConsumerRecord<String, String> r = publishedRecord("Create", id);
        assertThat(r.key()).isEqualTo(id);
        assertThat(KafkaProbe.header(r, "ce_type")).isEqualTo("relais.activity.create");
        Activity a = ActivityJson.read(r.value());
        assertThat(a.actor()).isEqualTo(Iri.person(alice));
        assertThat(a.object().type()).isEqualTo("Note");
        assertThat(a.object().attributedTo()).isEqualTo(Iri.person(alice));
        assertThat(a.to()).containsExactly(Audience.ORGANISATION);
        as(person("bruno")).get("/api/posts/{id}", local(id)).then().statusCode(200)
                .body("post.content", equalTo("<p>Bonjour à toutes et à tous</p>"))
                .body("post.author.login", equalTo(alice)).body("post.kind", equalTo("post"));
    }

    @Test
    void scriptsAreStrippedAndAllowedMarkupIsKept() {
        String alice = person("alice");
        String id = post(alice, null, "<p onclick=\"steal()\">Voir <strong>ceci</strong> <a href=\"javascript:alert(1)\">ici</a>"
                + " et <a href=\"https://relais.dev\">là</a><script>alert('x')</script><img src=x onerror=alert(1)></p>");
        String content = as(alice).get("/api/posts/{id}", local(id)).then().statusCode(200).extract().path("post.content");
        assertThat(content).contains("<strong>ceci</strong>").contains("href=\"https://relais.dev\"")
                .doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript").doesNotContain("onerror")
                .doesNotContain("<img");
    }

    @Test
    void mentionsAndHashtagsBecomeAs2Tags() {
        String alice = person("alice");
        String bob = person("bob");
        String id = post(alice, null, "<p>Merci @" + bob + " pour la démo #Atlas #Démo, écrivez à contact@relais.dev</p>");
        as(alice).get("/api/posts/{id}", local(id)).then()
                .body("post.mentions", equalTo(java.util.List.of(Iri.person(bob))))
                .body("post.hashtags", equalTo(java.util.List.of(Iri.hashtag("atlas"), Iri.hashtag("démo"))));
        Activity a = ActivityJson.read(publishedRecord("Create", id).value());
        assertThat(a.object().mentions()).containsExactly(Iri.person(bob));
        assertThat(a.object().hashtags()).containsExactly(Iri.hashtag("atlas"), Iri.hashtag("démo"));
    }

    @Test
    void onlyPeopleTheDirectoryKnowsBecomeMentionsAndOthersStayPlainText() {
        String alice = person("alice");
        String bob = person("bob");
        String nobody = io.relais.feed.community.Fixtures.unknownPerson("nobody");
        String id = post(alice, null, "<p>@" + nobody + " @" + bob.toUpperCase(java.util.Locale.ROOT) + " @" + bob + ". salut</p>");
        as(alice).get("/api/posts/{id}", local(id)).then().statusCode(200)
                .body("post.mentions", equalTo(java.util.List.of(Iri.person(bob))))
                .body("post.content", containsString("&#64;" + nobody + " ")).body("post.content", not(containsString("<a")));
        Activity a = ActivityJson.read(publishedRecord("Create", id).value());
        assertThat(a.object().mentions()).containsExactly(Iri.person(bob));
    }

    @Test
    void anEditMentionsOnlyKnownPeopleToo() {
        String alice = person("alice");
        String bob = person("bob");
        String nobody = io.relais.feed.community.Fixtures.unknownPerson("nobody");
        String id = post(alice, null, "<p>Bonjour</p>");
        as(alice).body(Map.of("content", "Revue par @" + nobody + " et @" + bob)).put("/api/posts/{id}", local(id))
                .then().statusCode(200).body("mentions", equalTo(java.util.List.of(Iri.person(bob))));
    }

    @Test
    void limitsAreProblemsNamingTheFieldAndRule() {
        String alice = person("alice");
        as(alice).body(Map.of("content", "x".repeat(10_001))).post("/api/posts").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("content"))
                .body("errors[0].message", containsString("10000"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) many.append("@p").append(i).append(' ');
        as(alice).body(Map.of("content", many.toString())).post("/api/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("content")).body("errors[0].message", containsString("20 people"));
        as(alice).body(Map.of("content", "<script>only()</script>")).post("/api/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("content"));
        as(alice).body(Map.of("content", "")).post("/api/posts").then().statusCode(400)
                .body("errors.field", hasItem("content"));
        as(alice).body("{\"content\": 12, ").post("/api/posts").then().statusCode(400).contentType("application/problem+json");
        as(alice).body(Map.of("content", "ok", "audience", Map.of("community", "Not A Slug"))).post("/api/posts")
                .then().statusCode(400).body("errors.field", hasItem("audience.community"));
    }

    @Test
    void aCommunityPostIsForMembersAndAPublicOneIsCopiedToTheOrganisation() {
        String owner = person("olga");
        String outsider = person("otto");
        String pub = community(owner, "public");
        String priv = community(owner, "private");
        String inPub = post(owner, pub, "Public community news");
        String inPriv = post(owner, priv, "Private community news");
        Activity a = ActivityJson.read(publishedRecord("Create", inPub).value());
        assertThat(a.to()).containsExactly(Iri.community(pub));
        assertThat(a.cc()).containsExactly(Audience.ORGANISATION);
        Activity b = ActivityJson.read(publishedRecord("Create", inPriv).value());
        assertThat(b.audience()).containsExactly(Iri.community(priv));
        as(outsider).get("/api/posts/{id}", local(inPub)).then().statusCode(200).body("post.community.slug", equalTo(pub));
        as(outsider).get("/api/posts/{id}", local(inPriv)).then().statusCode(404);
        as(outsider).body(Map.of("content", "hello", "audience", Map.of("community", pub))).post("/api/posts").then().statusCode(403);
    }

    @Test
    void nonMemberNeverSeesSecretCommunityPostsByAnyEndpointEvenGuessingIds() {
        String owner = person("olga");
        String member = person("mia");
        String outsider = person("otto");
        String admin = person("ada");
        String secret = community(owner, "secret");
        addMember(secret, owner, member);
        String id = post(owner, secret, "Réorganisation confidentielle");
        String comment = as(member).body(Map.of("content", "Noté")).post("/api/posts/{id}/comments", local(id))
                .then().statusCode(201).extract().path("id");
        as(member).get("/api/posts/{id}", local(id)).then().statusCode(200);
        for (String who : new String[]{outsider, admin}) {
            String[] roles = who.equals(admin) ? new String[]{"employee", "admin"} : new String[]{"employee"};
            as(who, roles).get("/api/posts/{id}", local(id)).then().statusCode(404);
            as(who).get("/api/posts/{id}", id).then().statusCode(404);
            as(who).get("/api/posts/{id}/reactions", local(id)).then().statusCode(404);
            as(who).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(id)).then().statusCode(404);
            as(who).body(Map.of("content", "hi")).post("/api/posts/{id}/comments", local(id)).then().statusCode(404);
            as(who).body(Map.of("content", "hi")).put("/api/posts/{id}", local(id)).then().statusCode(404);
            as(who, roles).delete("/api/posts/{id}", local(id)).then().statusCode(404);
            as(who).get("/api/posts/{id}/comments/{c}/reactions", local(id), local(comment)).then().statusCode(404);
            as(who).get("/api/communities/{slug}/members", secret).then().statusCode(404);
            as(who).put("/api/follows/community/{slug}", secret).then().statusCode(404);
            as(who).get("/api/follows/community/{slug}/followers", secret).then().statusCode(404);
        }
        // an id that never existed answers exactly the same way
        String unknown = Iri.post(EventId.next());
        as(outsider).get("/api/posts/{id}", local(unknown)).then().statusCode(404);
        as(outsider).get("/api/posts/{id}", "not a post id").then().statusCode(404);
    }

    @Test
    void onlyTheAuthorEditsAndTheUpdateCarriesTheFullObject() {
        String alice = person("alice");
        String bob = person("bob");
        String id = post(alice, null, "Première version");
        as(bob).body(Map.of("content", "Piraté")).put("/api/posts/{id}", local(id)).then().statusCode(403);
        as(alice).body(Map.of("content", "Version corrigée #fix")).put("/api/posts/{id}", local(id)).then().statusCode(200)
                .body("content", equalTo("<p>Version corrigée #fix</p>")).body("edited", org.hamcrest.Matchers.notNullValue());
        Activity update = ActivityJson.read(publishedRecord("Update", id).value());
        assertThat(update.object().content()).isEqualTo("<p>Version corrigée #fix</p>");
        assertThat(update.object().hashtags()).containsExactly(Iri.hashtag("fix"));
        assertThat(update.to()).containsExactly(Audience.ORGANISATION);
    }

    @Test
    void authorsModeratorsAndAdminsDeleteOthersCannot() {
        String owner = person("olga");
        String mod = person("moe");
        String member = person("mia");
        String other = person("otto");
        String admin = person("ada");
        String slug = community(owner, "public");
        addMember(slug, owner, mod);
        addMember(slug, owner, member);
        as(owner).body(Map.of("role", "moderator")).put("/api/communities/{slug}/members/{login}/role", slug, mod).then().statusCode(204);
        String p1 = post(member, slug, "one");
        String p2 = post(member, slug, "two");
        String p3 = post(member, slug, "three");
        String p4 = post(member, slug, "four");
        // the refusal names everyone who may delete it, the organisation's community managers among them
        as(other).delete("/api/posts/{id}", local(p1)).then().statusCode(403)
                .body("detail", containsString("the community's owners and moderators, community managers or admins"));
        as(person("cm"), "employee", "community-manager").delete("/api/posts/{id}", local(p4)).then().statusCode(204);
        as(mod).delete("/api/posts/{id}", local(p1)).then().statusCode(204);
        as(admin, "employee", "admin").delete("/api/posts/{id}", local(p2)).then().statusCode(204);
        as(member).delete("/api/posts/{id}", local(p3)).then().statusCode(204);
        as(member).get("/api/posts/{id}", local(p1)).then().statusCode(404);
        ConsumerRecord<String, String> r = publishedRecord("Delete", p1);
        Activity del = ActivityJson.read(r.value());
        assertThat(r.key()).isEqualTo(p1);
        assertThat(del.object().type()).isEqualTo("Tombstone");
        assertThat(del.object().formerType()).isEqualTo("Note");
        assertThat(del.object().deleted()).isNotNull();
        assertThat(del.to()).containsExactly(Iri.community(slug));
        assertThat(del.cc()).containsExactly(Audience.ORGANISATION);
    }

    @Test
    void ownersPinPostsOfTheirCommunity() {
        String owner = person("olga");
        String member = person("mia");
        String slug = community(owner, "public");
        addMember(slug, owner, member);
        String id = post(member, slug, "À épingler");
        String elsewhere = post(member, null, "Ailleurs");
        as(member).post("/api/communities/{slug}/pins/{id}", slug, local(id)).then().statusCode(403);
        as(owner).post("/api/communities/{slug}/pins/{id}", slug, local(elsewhere)).then().statusCode(404);
        as(owner).post("/api/communities/{slug}/pins/{id}", slug, local(id)).then().statusCode(204);
        as(member).get("/api/communities/{slug}", slug).then().body("pins", hasItem(id));
        as(member).get("/api/posts/{id}", local(id)).then().body("post.pinned", equalTo(true));
        as(owner).delete("/api/communities/{slug}/pins/{id}", slug, local(id)).then().statusCode(204);
        as(member).get("/api/communities/{slug}", slug).then().body("pins", not(hasItem(id)));
    }

    /**
     * An archived community's pins are frozen with it: its owner neither pins nor unpins (409 naming the rule; anyone
     * else still 403) until it is unarchived, while deleting a pinned post still takes it out of the pins.
     */
    @Test
    void anArchivedCommunitysPinsAreFrozenUntilItIsUnarchived() {
        String owner = person("olga");
        String member = person("mia");
        String slug = community(owner, "public");
        addMember(slug, owner, member);
        String kept = post(owner, slug, "Épinglé avant l'archivage");
        String deleted = post(owner, slug, "Épinglé puis supprimé");
        String later = post(member, slug, "À épingler après");
        for (String id : List.of(kept, deleted)) {
            as(owner).post("/api/communities/{slug}/pins/{id}", slug, local(id)).then().statusCode(204);
        }
        as(owner).post("/api/communities/{slug}/archive", slug).then().statusCode(200);
        String archived = "community " + slug + " is archived";

        as(owner).post("/api/communities/{slug}/pins/{id}", slug, local(later)).then().statusCode(409)
                .contentType("application/problem+json").body("detail", equalTo(archived));
        as(owner).delete("/api/communities/{slug}/pins/{id}", slug, local(kept)).then().statusCode(409)
                .contentType("application/problem+json").body("detail", equalTo(archived));
        as(member).post("/api/communities/{slug}/pins/{id}", slug, local(later)).then().statusCode(403);
        as(member).get("/api/posts/{id}", local(kept)).then().body("post.pinned", equalTo(true));
        as(member).get("/api/posts/{id}", local(later)).then().body("post.pinned", not(equalTo(true)));
        as(owner).delete("/api/posts/{id}", local(deleted)).then().statusCode(204);
        as(member).get("/api/communities/{slug}", slug).then().statusCode(200).body("pins", contains(kept));

        as(owner).delete("/api/communities/{slug}/archive", slug).then().statusCode(200);
        as(owner).post("/api/communities/{slug}/pins/{id}", slug, local(later)).then().statusCode(204);
        as(owner).delete("/api/communities/{slug}/pins/{id}", slug, local(kept)).then().statusCode(204);
        as(member).get("/api/communities/{slug}", slug).then().statusCode(200).body("pins", contains(later));
    }

    @Test
    void deletedPinnedPostsLeaveTheirCommunitysPinsSoItsOwnerPinsAgain() {
        String owner = person("alice");
        String slug = community(owner, "public");
        List<String> pinned = new ArrayList<>();
        for (int i = 0; i < PostService.MAX_PINS; i++) {
            String id = post(owner, slug, "Épinglé " + i);
            as(owner).post("/api/communities/{slug}/pins/{id}", slug, local(id)).then().statusCode(204);
            pinned.add(id);
        }
        String next = post(owner, slug, "Le onzième");
        as(owner).post("/api/communities/{slug}/pins/{id}", slug, local(next)).then().statusCode(409)
                .body("detail", containsString("at most " + PostService.MAX_PINS));
        pinned.forEach(id -> as(owner).delete("/api/posts/{id}", local(id)).then().statusCode(204));

        as(owner).get("/api/communities/{slug}", slug).then().statusCode(200).body("pins", empty());
        as(owner).post("/api/communities/{slug}/pins/{id}", slug, local(next)).then().statusCode(204);
        as(owner).get("/api/communities/{slug}", slug).then().statusCode(200).body("pins", contains(next));
    }

    @Test
    void pinsLeftBehindByDeletedPostsAreNeitherListedNorCountedAndTheOwnerUnpinsThem() {
        String owner = person("alice");
        String member = person("mia");
        String slug = community(owner, "public");
        addMember(slug, owner, member);
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < PostService.MAX_PINS; i++) {
            String id = post(owner, slug, "Épinglé " + i);
            as(owner).post("/api/communities/{slug}/pins/{id}", slug, local(id)).then().statusCode(204);
            as(owner).delete("/api/posts/{id}", local(id)).then().statusCode(204);
            deleted.add(id);
        }
        // a community stuck before deletes took posts out of the pins: its list still names them all
        store().getCollection("communities").updateOne(new Document("_id", Iri.community(slug)),
                Updates.addEachToSet("pins", deleted));

        as(owner).delete("/api/communities/{slug}/pins/{id}", slug, local(deleted.get(0))).then().statusCode(204);
        assertThat(storedPins(slug)).doesNotContain(deleted.get(0));
        as(member).get("/api/communities/{slug}", slug).then().statusCode(200).body("pins", empty());
        String next = post(owner, slug, "Le nouveau");
        as(owner).post("/api/communities/{slug}/pins/{id}", slug, local(next)).then().statusCode(204);
        as(member).get("/api/communities/{slug}", slug).then().statusCode(200).body("pins", contains(next));
    }

    @Test
    void aHiddenPinnedPostIsListedOnlyToThoseWhoStillReadItAndTheOwnerUnpinsIt() {
        String owner = person("olga");
        String author = person("alice");
        String member = person("mia");
        String slug = community(owner, "public");
        addMember(slug, owner, author);
        addMember(slug, owner, member);
        String id = post(author, slug, "Épinglé puis masqué");
        as(owner).post("/api/communities/{slug}/pins/{id}", slug, local(id)).then().statusCode(204);
        as(owner).body(Map.of("object", id, "action", "hide", "reason", "Hors charte")).post("/api/moderation/actions")
                .then().statusCode(200);

        as(member).get("/api/communities/{slug}", slug).then().statusCode(200).body("pins", not(hasItem(id)));
        as(owner).get("/api/communities/{slug}", slug).then().statusCode(200).body("pins", not(hasItem(id)));
        as(author).get("/api/communities/{slug}", slug).then().statusCode(200).body("pins", hasItem(id));
        as(owner).delete("/api/communities/{slug}/pins/{id}", slug, local(id)).then().statusCode(204);
        as(author).get("/api/communities/{slug}", slug).then().statusCode(200).body("pins", not(hasItem(id)));
    }

    private static List<String> storedPins(String slug) {
        return store().getCollection("communities").find(new Document("_id", Iri.community(slug))).first()
                .getList("pins", String.class);
    }

    @Test
    void postViewsKeepOrderAndLeaveOutWhatTheViewerCannotSee() {
        String owner = person("olga");
        String outsider = person("otto");
        String priv = community(owner, "private");
        String a = post(owner, null, "A");
        String b = post(owner, priv, "B");
        String c = post(owner, null, "C");
        io.relais.events.Viewer viewer = io.relais.events.Viewer.employee(Iri.person(outsider), java.util.Set.of());
        java.util.List<PostView> views = io.quarkus.arc.Arc.container().instance(PostViews.class).get()
                .views(java.util.List.of(c, b, a), viewer);
        assertThat(views).extracting(PostView::id).containsExactly(c, a);
    }
}
