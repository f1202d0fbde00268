package io.relais.feed.threadview;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.feed.community.Fixtures.addMember;
import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static org.hamcrest.Matchers.equalTo;

/**
 * The thread answer says, per post and per comment, what its reader may do ({@code can}), and the service
 * accepts exactly that: a reader offered Delete may delete, one not offered it is refused.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ThreadPermissionsTest {

    private static String comment(String login, String postIri, String content) {
        return as(login).body(Map.of("content", content)).post("/api/posts/{id}/comments", local(postIri))
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void theAuthorMayEditAndDeleteButNotModerate() {
        String olga = person("olga");
        String slug = community(olga, "public");
        String mia = person("mia");
        addMember(slug, olga, mia);
        String root = post(olga, slug, "Bienvenue");
        comment(mia, root, "Merci !");
        as(mia).get("/api/posts/{id}", local(root)).then().statusCode(200)
                .body("post.can.edit", equalTo(false)).body("post.can.delete", equalTo(false))
                .body("comments[0].can.edit", equalTo(true)).body("comments[0].can.delete", equalTo(true))
                .body("comments[0].can.moderate", equalTo(false));
    }

    @Test
    void aCommunityModeratorIsOfferedDeleteOnAMembersCommentAndTheDeleteIsAccepted() {
        String olga = person("olga");
        String slug = community(olga, "public");
        String mod = person("mod");
        String mia = person("mia");
        addMember(slug, olga, mod);
        addMember(slug, olga, mia);
        as(olga).body(Map.of("role", "moderator")).put("/api/communities/{slug}/members/{login}/role", slug, mod)
                .then().statusCode(204);
        String root = post(olga, slug, "Sujet");
        String c = comment(mia, root, "Hors sujet");
        as(mod).get("/api/posts/{id}", local(root)).then().statusCode(200)
                .body("post.can.edit", equalTo(false)).body("post.can.delete", equalTo(true))
                .body("post.can.moderate", equalTo(true))
                .body("comments[0].can.edit", equalTo(false)).body("comments[0].can.delete", equalTo(true))
                .body("comments[0].can.moderate", equalTo(true));
        as(mod).delete("/api/posts/{p}/comments/{c}", local(root), local(c)).then().statusCode(204);
        as(mia).get("/api/posts/{id}", local(root)).then().statusCode(200).body("comments.size()", equalTo(0));
    }

    @Test
    void aMemberIsNotOfferedDeleteOnAnothersCommentAndIsRefused() {
        String olga = person("olga");
        String slug = community(olga, "public");
        String mia = person("mia");
        String tom = person("tom");
        addMember(slug, olga, mia);
        addMember(slug, olga, tom);
        String root = post(olga, slug, "Sujet");
        String c = comment(mia, root, "Mon avis");
        as(tom).get("/api/posts/{id}", local(root)).then().statusCode(200)
                .body("comments[0].can.delete", equalTo(false)).body("comments[0].can.moderate", equalTo(false));
        as(tom).delete("/api/posts/{p}/comments/{c}", local(root), local(c)).then().statusCode(403);
        as(tom).get("/api/posts/{id}", local(root)).then().statusCode(200).body("comments.size()", equalTo(1));
    }

    @Test
    void aCommunityManagerIsOfferedDeleteOnOrganisationWidePostsAndTheDeleteIsAccepted() {
        String alice = person("alice");
        String cm = person("cm");
        String root = post(alice, null, "À toute l'entreprise");
        String c = comment(alice, root, "Précision");
        as(cm, "employee", "community-manager").get("/api/posts/{id}", local(root)).then().statusCode(200)
                .body("post.can.delete", equalTo(true)).body("post.can.moderate", equalTo(true))
                .body("comments[0].can.delete", equalTo(true));
        as(cm, "employee", "community-manager").delete("/api/posts/{p}/comments/{c}", local(root), local(c))
                .then().statusCode(204);
        as(alice).get("/api/posts/{id}", local(root)).then().statusCode(200).body("post.commentCount", equalTo(0));
    }

    /**
     * An archived community is read-only (409 on a comment, a reply, an edit, a reaction): its threads offer none of
     * those any more, to the author as to its moderators, while Delete and moderation stay offered and accepted.
     */
    @Test
    void anArchivedCommunitysThreadsOfferNoCommentEditNorReactionButStillDeleteAndModeration() {
        String olga = person("olga");
        String slug = community(olga, "public");
        String mia = person("mia");
        addMember(slug, olga, mia);
        String root = post(mia, slug, "Compte rendu");
        String c = comment(mia, root, "Précision");
        as(mia).get("/api/posts/{id}", local(root)).then().statusCode(200)
                .body("post.can.edit", equalTo(true)).body("post.can.comment", equalTo(true)).body("post.can.react", equalTo(true))
                .body("comments[0].can.comment", equalTo(true)).body("comments[0].can.react", equalTo(true));

        as(olga).post("/api/communities/{slug}/archive", slug).then().statusCode(200);

        as(mia).get("/api/posts/{id}", local(root)).then().statusCode(200)
                .body("post.can.edit", equalTo(false)).body("post.can.comment", equalTo(false))
                .body("post.can.react", equalTo(false)).body("post.can.delete", equalTo(true))
                .body("post.community.archived", equalTo(true))
                .body("comments[0].can.edit", equalTo(false)).body("comments[0].can.comment", equalTo(false))
                .body("comments[0].can.react", equalTo(false)).body("comments[0].can.delete", equalTo(true));
        as(olga).get("/api/posts/{id}", local(root)).then().statusCode(200)
                .body("post.can.delete", equalTo(true)).body("post.can.moderate", equalTo(true))
                .body("post.can.comment", equalTo(false)).body("post.can.react", equalTo(false))
                .body("comments[0].can.moderate", equalTo(true)).body("comments[0].can.react", equalTo(false));
        as(mia).body(Map.of("content", "Encore")).post("/api/posts/{id}/comments", local(root)).then().statusCode(409);
        as(mia).body(Map.of("kind", "like")).put("/api/posts/{id}/reactions/mine", local(root)).then().statusCode(409);
        as(mia).delete("/api/posts/{p}/comments/{c}", local(root), local(c)).then().statusCode(204);
    }

    /** Nobody takes a moderation decision on what they wrote (403): a moderator's own post and comment do not offer it. */
    @Test
    void aModeratorIsNotOfferedModerationOfWhatTheyWroteButStillDeletesIt() {
        String olga = person("olga");
        String slug = community(olga, "public");
        String mia = person("mia");
        addMember(slug, olga, mia);
        String root = post(olga, slug, "Règles du groupe");
        comment(olga, root, "Rappel");
        comment(mia, root, "Lu");
        as(olga).get("/api/posts/{id}", local(root)).then().statusCode(200)
                .body("post.can.moderate", equalTo(false)).body("post.can.delete", equalTo(true))
                .body("comments[0].can.moderate", equalTo(false)).body("comments[0].can.delete", equalTo(true))
                .body("comments[1].can.moderate", equalTo(true));
        as(olga).body(Map.of("object", root, "action", "hide", "reason", "test")).post("/api/moderation/actions")
                .then().statusCode(403);
    }

    @Test
    void theCommentAnswerSaysItsAuthorMayEditAndDeleteIt() {
        String alice = person("alice");
        String root = post(alice, null, "Question");
        as(alice).body(Map.of("content", "Réponse")).post("/api/posts/{id}/comments", local(root)).then().statusCode(201)
                .body("can.edit", equalTo(true)).body("can.delete", equalTo(true));
    }
}
