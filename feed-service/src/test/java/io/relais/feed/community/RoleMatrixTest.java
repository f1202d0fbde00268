package io.relais.feed.community;

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

/**
 * The privileged roles: admins moderate (archive, delete what they can see) but, like community
 * managers, they get no sight of private or secret content; community managers only add announcements.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class RoleMatrixTest {

    @Test
    void adminsArchiveAnyCommunityTheyCanSeeCommunityManagersAndMembersCannot() {
        String owner = person("olga");
        String member = person("mia");
        String slug = community(owner, "public");
        addMember(slug, owner, member);
        as(person("cm"), "employee", "community-manager").post("/api/communities/{slug}/archive", slug).then().statusCode(403);
        as(member).post("/api/communities/{slug}/archive", slug).then().statusCode(403);
        as(person("ada"), "employee", "admin").post("/api/communities/{slug}/archive", slug).then().statusCode(200);
        as(person("cm"), "employee", "community-manager").delete("/api/communities/{slug}/archive", slug).then().statusCode(403);
    }

    /**
     * Archived (here by an admin), a community is frozen for each role that manages it: its owner no longer edits it nor
     * changes roles, its moderator no longer decides on join requests (409, after the role check: a plain member is
     * still told 403), while removing a member stays possible to owners and moderators; once an admin unarchives it,
     * its owner edits it again.
     */
    @Test
    void onceArchivedOwnersAndModeratorsNoLongerManageItButStillRemoveMembers() {
        String owner = person("olga");
        String mod = person("moe");
        String member = person("mia");
        String other = person("oto");
        String asker = person("ask");
        String admin = person("ada");
        String slug = community(owner, "private");
        addMember(slug, owner, mod);
        addMember(slug, owner, member);
        addMember(slug, owner, other);
        as(owner).body(Map.of("role", "moderator")).put("/api/communities/{slug}/members/{login}/role", slug, mod).then().statusCode(204);
        as(asker).post("/api/communities/{slug}/join", slug).then().statusCode(200);
        as(admin, "employee", "admin").post("/api/communities/{slug}/archive", slug).then().statusCode(200);

        as(owner).body(Map.of("description", "Gelée")).put("/api/communities/{slug}", slug).then().statusCode(409);
        as(owner).body(Map.of("role", "owner")).put("/api/communities/{slug}/members/{login}/role", slug, mod).then().statusCode(409);
        as(mod).post("/api/communities/{slug}/requests/{login}/approve", slug, asker).then().statusCode(409);
        as(mod).post("/api/communities/{slug}/requests/{login}/reject", slug, asker).then().statusCode(409);
        as(member).body(Map.of("description", "x")).put("/api/communities/{slug}", slug).then().statusCode(403);
        as(member).post("/api/communities/{slug}/requests/{login}/approve", slug, asker).then().statusCode(403);
        as(person("cm"), "employee", "community-manager").body(Map.of("role", "owner"))
                .put("/api/communities/{slug}/members/{login}/role", slug, member).then().statusCode(403);

        as(mod).delete("/api/communities/{slug}/members/{login}", slug, member).then().statusCode(204);
        as(owner).delete("/api/communities/{slug}/members/{login}", slug, other).then().statusCode(204);

        as(admin, "employee", "admin").delete("/api/communities/{slug}/archive", slug).then().statusCode(200);
        as(owner).body(Map.of("description", "Dégelée")).put("/api/communities/{slug}", slug).then().statusCode(200);
    }

    @Test
    void noRoleOpensAPrivateCommunitysContent() {
        String owner = person("olga");
        String slug = community(owner, "private");
        String id = post(owner, slug, "Pour les membres");
        for (String[] roles : new String[][]{{"employee"}, {"employee", "community-manager"}, {"employee", "admin"},
                {"employee", "admin", "community-manager"}}) {
            String who = person("x");
            as(who, roles).get("/api/posts/{id}", local(id)).then().statusCode(404);
            as(who, roles).delete("/api/posts/{id}", local(id)).then().statusCode(404);
            as(who, roles).get("/api/posts/{id}/reactions", local(id)).then().statusCode(404);
            as(who, roles).get("/api/communities/{slug}", slug).then().statusCode(200); // private: listed
            as(who, roles).get("/api/communities/{slug}/requests", slug).then().statusCode(403);
            as(who, roles).body(Map.of("content", "x", "audience", Map.of("community", slug))).post("/api/posts").then().statusCode(403);
        }
        as(owner).get("/api/posts/{id}", local(id)).then().statusCode(200);
    }

    @Test
    void ownersManageRolesModeratorsManageRequestsMembersNeither() {
        String owner = person("olga");
        String mod = person("moe");
        String member = person("mia");
        String asker = person("ask");
        String slug = community(owner, "private");
        addMember(slug, owner, mod);
        addMember(slug, owner, member);
        as(owner).body(Map.of("role", "moderator")).put("/api/communities/{slug}/members/{login}/role", slug, mod).then().statusCode(204);
        as(asker).post("/api/communities/{slug}/join", slug).then().statusCode(200);
        as(member).post("/api/communities/{slug}/requests/{login}/approve", slug, asker).then().statusCode(403);
        as(mod).body(Map.of("role", "owner")).put("/api/communities/{slug}/members/{login}/role", slug, member).then().statusCode(403);
        as(mod).post("/api/communities/{slug}/requests/{login}/approve", slug, asker).then().statusCode(204);
        as(mod).body(Map.of("name", "x")).put("/api/communities/{slug}", slug).then().statusCode(403);
        as(owner).body(Map.of("description", "Mise à jour")).put("/api/communities/{slug}", slug).then().statusCode(200);
    }
}
