package io.relais.feed.community;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.relais.feed.community.Fixtures.addMember;
import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class CommunityTest {

    static List<Activity> published(String type, java.util.function.Predicate<Activity> match, int count) {
        return KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value() != null && r.value().contains("\"" + type + "\"")
                        && readable(r.value()) && match.test(ActivityJson.read(r.value())), count, Duration.ofSeconds(30))
                .stream().map(ConsumerRecord::value).map(ActivityJson::read).toList();
    }

    /** Other tests publish poison records on purpose; they are skipped here. */
    static boolean readable(String json) {
        try {
            ActivityJson.read(json);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void creatorBecomesOwnerAndTheGroupAndJoinArePublished() {
        String owner = person("olga");
        String slug = community(owner, "public");
        String iri = Iri.community(slug);
        as(owner).get("/api/communities/{slug}", slug).then().statusCode(200)
                .body("myRole", equalTo("owner")).body("memberCount", equalTo(1)).body("visibility", equalTo("public"));
        Activity group = published("Create", a -> a.object() != null && iri.equals(a.object().id()), 1).get(0);
        assertThat(group.object().type()).isEqualTo("Group");
        assertThat(group.object().relais()).containsEntry("visibility", "public");
        assertThat(group.audience()).containsExactly(Audience.ORGANISATION);
        List<ConsumerRecord<String, String>> joins = KafkaProbe.awaitRecords(Topics.ACTIVITIES,
                r -> r.value().contains("\"Join\"") && r.value().contains(iri) && r.value().contains(Iri.person(owner)),
                1, Duration.ofSeconds(30));
        assertThat(joins.get(0).key()).isEqualTo(iri);
        Activity join = ActivityJson.read(joins.get(0).value());
        assertThat(join.relais()).containsEntry("role", "owner");
        assertThat(join.to()).containsExactly(iri);
    }

    @Test
    void aTakenSlugIsAConflictAndABadSlugNamesTheField() {
        String owner = person("olga");
        String slug = community(owner, "public");
        as(owner).body(Map.of("slug", slug, "name", "Again", "visibility", "public")).post("/api/communities")
                .then().statusCode(409).contentType("application/problem+json");
        as(owner).body(Map.of("slug", "No Spaces!", "name", "X", "visibility", "public")).post("/api/communities")
                .then().statusCode(400).body("errors.field", hasItem("slug"));
        as(owner).body(Map.of("slug", "ok-slug-" + System.nanoTime(), "name", "X", "visibility", "hidden"))
                .post("/api/communities").then().statusCode(400).body("errors.field", hasItem("visibility"));
    }

    /** A secret community's name conflicts only for whoever may see it (an invitee here): SecretCommunityNamesTest. */
    @Test
    void aNameAlreadyUsedByAnotherCommunityIsAConflictNamingNameWithoutItsSlug() {
        String owner = person("olga");
        String mallory = person("mallory");
        String secret = Fixtures.slug("secret");
        String token = Fixtures.unknownPerson("n");
        String name = "Le coin tech " + token;
        as(owner).body(Map.of("slug", secret, "name", name, "visibility", "secret")).post("/api/communities").then().statusCode(201);
        as(owner).body(Map.of("login", mallory)).post("/api/communities/{slug}/invitations", secret).then().statusCode(204);
        for (String copy : List.of(name, name.toUpperCase(java.util.Locale.ROOT), "  le  côin-tech " + token + " !",
                "Le\u00A0coin tech " + token.replace("-", " "), "ＬＥ coin tech " + token)) {
            String body = as(mallory).body(Map.of("slug", Fixtures.slug("copy"), "name", copy,
                            "visibility", "public")).post("/api/communities").then().statusCode(409)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("name")).extract().asString();
            assertThat(body).doesNotContain(secret);
        }
    }

    @Test
    void renamingToAnotherCommunitysNameIsAConflictAndFreesNothing() {
        String owner = person("olga");
        String first = community(owner, "public");
        String second = community(owner, "private");
        String firstName = "Communauté " + first;
        as(owner).body(Map.of("name", "COMMUNAUTE " + first)).put("/api/communities/{slug}", second).then().statusCode(409)
                .body("errors[0].field", equalTo("name"));
        as(owner).body(Map.of("name", "Atelier " + second)).put("/api/communities/{slug}", second).then().statusCode(200);
        // the old name of the renamed community is free again; its new one is taken
        as(owner).body(Map.of("slug", Fixtures.slug("again"), "name", "Communauté " + second, "visibility", "public"))
                .post("/api/communities").then().statusCode(201);
        as(owner).body(Map.of("slug", Fixtures.slug("again"), "name", "atelier " + second, "visibility", "public"))
                .post("/api/communities").then().statusCode(409);
        // changing only the case of one's own name is no conflict
        as(owner).body(Map.of("name", firstName.toUpperCase(java.util.Locale.ROOT))).put("/api/communities/{slug}", first)
                .then().statusCode(200);
    }

    @Test
    void aTakenSlugDoesNotReleaseTheNameOfTheCommunityHoldingIt() {
        String owner = person("olga");
        String slug = community(owner, "public");
        as(owner).body(Map.of("slug", slug, "name", "Communauté " + slug, "visibility", "public")).post("/api/communities")
                .then().statusCode(409);
        as(person("paul")).body(Map.of("slug", Fixtures.slug("copy"), "name", "Communauté " + slug, "visibility", "public"))
                .post("/api/communities").then().statusCode(409).body("errors[0].field", equalTo("name"));
    }

    @Test
    void anyoneJoinsAPublicCommunityAndCanLeaveIt() {
        String owner = person("olga");
        String paul = person("paul");
        String slug = community(owner, "public");
        as(paul).post("/api/communities/{slug}/join", slug).then().statusCode(200).body("status", equalTo("member"));
        as(paul).get("/api/communities/{slug}", slug).then().body("myRole", equalTo("member")).body("memberCount", equalTo(2));
        as(paul).post("/api/communities/{slug}/join", slug).then().statusCode(200); // twice changes nothing
        as(owner).get("/api/communities/{slug}", slug).then().body("memberCount", equalTo(2));
        as(paul).post("/api/communities/{slug}/leave", slug).then().statusCode(204);
        as(paul).get("/api/communities/{slug}", slug).then().body("myStatus", equalTo("none")).body("memberCount", equalTo(1));
        published("Leave", a -> a.actor().equals(Iri.person(paul)) && a.relais() == null, 1);
    }

    @Test
    void joiningAPrivateCommunityIsARequestThatAModeratorApproves() {
        String owner = person("olga");
        String paul = person("paul");
        String slug = community(owner, "private");
        as(paul).post("/api/communities/{slug}/join", slug).then().statusCode(200).body("status", equalTo("pending"));
        as(paul).get("/api/communities/{slug}", slug).then().body("myStatus", equalTo("pending"));
        published("Offer", a -> a.actor().equals(Iri.person(paul)) && a.to().contains(Iri.person(owner)), 1);
        as(paul).get("/api/communities/{slug}/requests", slug).then().statusCode(403);
        as(owner).get("/api/communities/{slug}/requests", slug).then().statusCode(200).body("login", hasItem(paul));
        as(owner).post("/api/communities/{slug}/requests/{login}/approve", slug, paul).then().statusCode(204);
        as(paul).get("/api/communities/{slug}", slug).then().body("myRole", equalTo("member"));
        published("Accept", a -> a.to().contains(Iri.person(paul)), 1);
        published("Join", a -> a.actor().equals(Iri.person(paul)), 1);
    }

    @Test
    void aRejectedRequestLeavesThePersonOutside() {
        String owner = person("olga");
        String paul = person("paul");
        String slug = community(owner, "private");
        as(paul).post("/api/communities/{slug}/join", slug).then().statusCode(200);
        as(owner).post("/api/communities/{slug}/requests/{login}/reject", slug, paul).then().statusCode(204);
        as(paul).get("/api/communities/{slug}", slug).then().body("myStatus", equalTo("none"));
        as(owner).post("/api/communities/{slug}/requests/{login}/approve", slug, paul).then().statusCode(404);
    }

    @Test
    void aSecretCommunityIsNotFoundForNonMembersUntilTheyAreInvited() {
        String owner = person("olga");
        String paul = person("paul");
        String slug = community(owner, "secret");
        as(paul).get("/api/communities/{slug}", slug).then().statusCode(404);
        as(paul).get("/api/communities/{slug}/members", slug).then().statusCode(404);
        as(paul).post("/api/communities/{slug}/join", slug).then().statusCode(404);
        as(paul, "employee", "admin").get("/api/communities/{slug}", slug).then().statusCode(404);
        as(paul).get("/api/communities?q={q}", slug).then().statusCode(200).body("slug", not(hasItem(slug)));
        // a made-up slug and a real secret one answer the same
        String unknown = as(paul).get("/api/communities/{slug}", "nothing-here-" + System.nanoTime()).then().statusCode(404)
                .extract().path("title");
        assertThat(unknown).isEqualTo("Not found");

        as(owner).body(Map.of("login", paul)).post("/api/communities/{slug}/invitations", slug).then().statusCode(204);
        published("Invite", a -> a.to().contains(Iri.person(paul)) && Iri.community(slug).equals(a.target()), 1);
        as(paul).get("/api/communities/{slug}", slug).then().statusCode(200).body("myStatus", equalTo("invited"));
        as(paul).post("/api/communities/{slug}/invitations/mine/accept", slug).then().statusCode(204);
        as(paul).get("/api/communities/{slug}", slug).then().body("myRole", equalTo("member"));
        as(paul).get("/api/communities?q={q}", slug).then().body("slug", hasItem(slug));
    }

    @Test
    void onlyModeratorsInviteToASecretCommunityAndDeclinedInvitationsAreGone() {
        String owner = person("olga");
        String member = person("mia");
        String paul = person("paul");
        String slug = community(owner, "secret");
        addMember(slug, owner, member);
        as(member).body(Map.of("login", paul)).post("/api/communities/{slug}/invitations", slug).then().statusCode(403);
        as(owner).body(Map.of("login", paul)).post("/api/communities/{slug}/invitations", slug).then().statusCode(204);
        as(paul).post("/api/communities/{slug}/invitations/mine/decline", slug).then().statusCode(204);
        as(paul).get("/api/communities/{slug}", slug).then().statusCode(404);
    }

    /**
     * Owners and moderators see the pending invitations and take back one sent by mistake (or one of the many a member
     * sent): the person no longer sees the secret community and can no longer accept.
     */
    @Test
    void moderatorsListAndWithdrawPendingInvitationsAndAWithdrawnOneCannotBeAccepted() {
        String owner = person("olga");
        String member = person("mia");
        String paul = person("paul");
        String secret = community(owner, "secret");
        addMember(secret, owner, member);
        as(owner).body(Map.of("login", paul)).post("/api/communities/{slug}/invitations", secret).then().statusCode(204);
        as(paul).get("/api/communities/{slug}", secret).then().statusCode(200).body("myStatus", equalTo("invited"));
        as(member).get("/api/communities/{slug}/invitations", secret).then().statusCode(403);
        as(member).delete("/api/communities/{slug}/invitations/{login}", secret, paul).then().statusCode(403);
        as(owner).get("/api/communities/{slug}/invitations", secret).then().statusCode(200).body("login", contains(paul));

        as(owner).delete("/api/communities/{slug}/invitations/{login}", secret, paul).then().statusCode(204);
        as(paul).get("/api/communities/{slug}", secret).then().statusCode(404);
        as(paul).post("/api/communities/{slug}/invitations/mine/accept", secret).then().statusCode(404);
        as(owner).get("/api/communities/{slug}/invitations", secret).then().statusCode(200).body("login", empty());
        as(owner).delete("/api/communities/{slug}/invitations/{login}", secret, paul).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(paul));

        // in a public community any member invites; its moderators take an invitation back
        String open = community(owner, "public");
        addMember(open, owner, member);
        as(member).body(Map.of("login", paul)).post("/api/communities/{slug}/invitations", open).then().statusCode(204);
        as(owner).delete("/api/communities/{slug}/invitations/{login}", open, paul).then().statusCode(204);
        as(paul).get("/api/communities/{slug}", open).then().statusCode(200).body("myStatus", equalTo("none"));
    }

    @Test
    void moderatorsRemoveMembersButOnlyOwnersRemoveModerators() {
        String owner = person("olga");
        String mod = person("moe");
        String m1 = person("mia");
        String m2 = person("max");
        String slug = community(owner, "public");
        addMember(slug, owner, mod);
        addMember(slug, owner, m1);
        addMember(slug, owner, m2);
        as(mod).body(Map.of("role", "moderator")).put("/api/communities/{slug}/members/{login}/role", slug, mod).then().statusCode(403);
        as(owner).body(Map.of("role", "moderator")).put("/api/communities/{slug}/members/{login}/role", slug, mod).then().statusCode(204);
        published("Join", a -> a.actor().equals(Iri.person(mod)) && "moderator".equals(a.relais().get("role")), 1);
        as(m1).delete("/api/communities/{slug}/members/{login}", slug, m2).then().statusCode(403);
        as(mod).delete("/api/communities/{slug}/members/{login}", slug, m1).then().statusCode(204);
        published("Leave", a -> a.actor().equals(Iri.person(m1)) && a.relais() != null
                && Iri.person(mod).equals(a.relais().get("by")), 1);
        as(mod).delete("/api/communities/{slug}/members/{login}", slug, owner).then().statusCode(403);
        as(owner).get("/api/communities/{slug}/members", slug).then().statusCode(200)
                .body("members.person.login", hasItems(owner, mod, m2)).body("members.person.login", not(hasItem(m1)))
                .body("members.find { it.person.login == '" + mod + "' }.role", equalTo("moderator"));
    }

    @Test
    void theLastOwnerCannotLeave() {
        String owner = person("olga");
        String slug = community(owner, "public");
        as(owner).post("/api/communities/{slug}/leave", slug).then().statusCode(409);
    }

    /**
     * Roles are frozen in an archived community, so "make someone else owner first" cannot be followed there: its last
     * owner is told to unarchive it first, and doing so lets them leave (a trial of the stack).
     */
    @Test
    void theLastOwnerOfAnArchivedCommunityIsToldToUnarchiveItFirst() {
        String owner = person("bob");
        String heir = person("hugo");
        String slug = community(owner, "public");
        addMember(slug, owner, heir);
        as(owner).post("/api/communities/{slug}/archive", slug).then().statusCode(200);

        as(owner).post("/api/communities/{slug}/leave", slug).then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("the last owner cannot leave an archived community, whose roles are frozen: "
                        + "unarchive it first, then make someone else owner"));
        as(owner).body(Map.of("role", "owner")).put("/api/communities/{slug}/members/{login}/role", slug, heir).then()
                .statusCode(409);

        // the advice, followed
        as(owner).delete("/api/communities/{slug}/archive", slug).then().statusCode(200);
        as(owner).body(Map.of("role", "owner")).put("/api/communities/{slug}/members/{login}/role", slug, heir).then()
                .statusCode(204);
        as(owner).post("/api/communities/{slug}/leave", slug).then().statusCode(204);
        // and outside an archive the last owner still hears the usual advice
        as(heir).post("/api/communities/{slug}/leave", slug).then().statusCode(409)
                .body("detail", equalTo("the last owner cannot leave; make someone else owner first"));
    }

    /**
     * A public community's posts went to the whole organisation (and stay there, in feeds, search and threads): once
     * something is published, it cannot turn private or secret, which would say the opposite. Before anything is
     * published, and from private to secret (items already for members only), it can.
     */
    @Test
    void aPublicCommunityWithPostsStaysPublicAndOneWithoutPostsMayNarrow() {
        String owner = person("owen");
        String outsider = person("oscar");
        String busy = community(owner, "public");
        String postId = Fixtures.post(owner, busy, "<p>Compte rendu ouvert à tous</p>");
        for (String narrower : List.of("private", "secret")) {
            as(owner).body(Map.of("visibility", narrower)).put("/api/communities/{slug}", busy).then().statusCode(409)
                    .contentType("application/problem+json").body("errors.field", hasItem("visibility"))
                    .body("detail", org.hamcrest.Matchers.containsString("cannot become " + narrower));
        }
        as(owner).body(Map.of("name", "Renommée " + busy, "visibility", "secret")).put("/api/communities/{slug}", busy)
                .then().statusCode(409);
        // nothing of the refused edit was applied, and what was published stays where it was
        as(outsider).get("/api/communities/{slug}", busy).then().statusCode(200)
                .body("visibility", equalTo("public")).body("name", equalTo("Communauté " + busy));
        as(outsider).get("/api/posts/{id}", Fixtures.local(postId)).then().statusCode(200);

        String quiet = community(owner, "public");
        as(owner).body(Map.of("visibility", "private")).put("/api/communities/{slug}", quiet).then().statusCode(200)
                .body("visibility", equalTo("private"));
        Fixtures.post(owner, quiet, "<p>Entre nous</p>");
        as(owner).body(Map.of("visibility", "secret")).put("/api/communities/{slug}", quiet).then().statusCode(200)
                .body("visibility", equalTo("secret"));
        as(outsider).get("/api/communities/{slug}", quiet).then().statusCode(404);
    }

    /**
     * A private community made public by mistake goes back to private while nothing was published as public: what it
     * holds was addressed to its members only, and stays so; the first post addressed to everyone fixes it public.
     */
    @Test
    void aPrivateCommunityMadePublicByMistakeGoesBackUntilSomethingIsPublishedToEveryone() {
        String owner = person("owen");
        String outsider = person("oscar");
        String slug = community(owner, "private");
        String membersOnly = Fixtures.post(owner, slug, "<p>Entre nous</p>");
        as(owner).body(Map.of("visibility", "public")).put("/api/communities/{slug}", slug).then().statusCode(200)
                .body("visibility", equalTo("public"));
        as(owner).body(Map.of("visibility", "private")).put("/api/communities/{slug}", slug).then().statusCode(200)
                .body("visibility", equalTo("private"));
        as(outsider).get("/api/posts/{id}", Fixtures.local(membersOnly)).then().statusCode(404);

        as(owner).body(Map.of("visibility", "public")).put("/api/communities/{slug}", slug).then().statusCode(200);
        String toEveryone = Fixtures.post(owner, slug, "<p>Ouvert à tous</p>");
        as(outsider).get("/api/posts/{id}", Fixtures.local(toEveryone)).then().statusCode(200);
        as(owner).body(Map.of("visibility", "private")).put("/api/communities/{slug}", slug).then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("visibility"));
    }

    @Test
    void ownersEditAndArchiveAndNobodyJoinsAnArchivedCommunity() {
        String owner = person("olga");
        String member = person("mia");
        String paul = person("paul");
        String slug = community(owner, "public");
        addMember(slug, owner, member);
        as(member).body(Map.of("name", "Renamed")).put("/api/communities/{slug}", slug).then().statusCode(403);
        as(owner).body(Map.of("name", "Le coin tech " + slug)).put("/api/communities/{slug}", slug).then().statusCode(200)
                .body("name", equalTo("Le coin tech " + slug));
        published("Update", a -> a.object() != null && Iri.community(slug).equals(a.object().id())
                && ("Le coin tech " + slug).equals(a.object().name()), 1);
        as(member).post("/api/communities/{slug}/archive", slug).then().statusCode(403);
        as(owner).post("/api/communities/{slug}/archive", slug).then().statusCode(200).body("archived", equalTo(true));
        as(paul).post("/api/communities/{slug}/join", slug).then().statusCode(409);
    }

    /** An archived community is read-only: its posts are no longer edited (409 naming the rule), but still deleted. */
    @Test
    void anArchivedCommunitysPostsAreNoLongerEditedButTheirAuthorsStillDeleteThem() {
        String owner = person("olga");
        String member = person("mia");
        String slug = community(owner, "public");
        addMember(slug, owner, member);
        String post = Fixtures.post(member, slug, "Avant l'archivage");
        as(owner).post("/api/communities/{slug}/archive", slug).then().statusCode(200);

        as(member).body(Map.of("content", "Après l'archivage")).put("/api/posts/{id}", Fixtures.local(post)).then()
                .statusCode(409).contentType("application/problem+json").body("detail", equalTo("community " + slug + " is archived"));
        as(member).delete("/api/posts/{id}", Fixtures.local(post)).then().statusCode(204);
        as(owner).get("/api/posts/{id}", Fixtures.local(post)).then().statusCode(404);
    }

    /**
     * Owners and admins (the rule of archiving) unarchive with {@code DELETE .../archive}: the community answers
     * {@code archived: false}, the Group's Update says so to every projection, and its threads take comments again.
     * Undoing it twice is harmless; a plain member may not.
     */
    @Test
    void ownersAndAdminsUnarchiveAndTheCommunityTakesCommentsAgain() {
        String owner = person("olga");
        String member = person("mia");
        String slug = community(owner, "public");
        addMember(slug, owner, member);
        String post = Fixtures.post(member, slug, "Sujet");
        as(owner).post("/api/communities/{slug}/archive", slug).then().statusCode(200).body("archived", equalTo(true));

        as(member).delete("/api/communities/{slug}/archive", slug).then().statusCode(403).contentType("application/problem+json");
        as(member).get("/api/communities/{slug}", slug).then().body("archived", equalTo(true));

        as(owner).delete("/api/communities/{slug}/archive", slug).then().statusCode(200).body("archived", equalTo(false))
                .body("slug", equalTo(slug));
        Activity update = published("Update", a -> a.object() != null && Iri.community(slug).equals(a.object().id())
                && a.object().relais() != null && Boolean.FALSE.equals(a.object().relais().get("archived")), 1).get(0);
        assertThat(update.object().type()).isEqualTo("Group");
        as(owner).delete("/api/communities/{slug}/archive", slug).then().statusCode(200).body("archived", equalTo(false));
        as(member).body(Map.of("content", "De nouveau ouvert")).post("/api/posts/{id}/comments", Fixtures.local(post))
                .then().statusCode(201);

        String admin = person("root");
        as(owner).post("/api/communities/{slug}/archive", slug).then().statusCode(200);
        as(admin, "employee", "admin").delete("/api/communities/{slug}/archive", slug).then().statusCode(200)
                .body("archived", equalTo(false));
    }

    /**
     * An archived community is read-only for its managers too: its settings (name, description, visibility), its
     * members' roles and the decisions on join requests answer 409 naming the rule, and an invitation is no longer
     * accepted (that is joining), so nothing about it changes until it is unarchived; then each of them works again.
     */
    @Test
    void anArchivedCommunitysSettingsRolesAndJoinRequestDecisionsAreFrozenUntilItIsUnarchived() {
        String owner = person("olga");
        String member = person("mia");
        String asker = person("ask");
        String other = person("oto");
        String invitee = person("ines");
        String slug = community(owner, "private");
        addMember(slug, owner, member);
        as(asker).post("/api/communities/{slug}/join", slug).then().statusCode(200).body("status", equalTo("pending"));
        as(other).post("/api/communities/{slug}/join", slug).then().statusCode(200).body("status", equalTo("pending"));
        as(owner).body(Map.of("login", invitee)).post("/api/communities/{slug}/invitations", slug).then().statusCode(204);
        as(owner).post("/api/communities/{slug}/archive", slug).then().statusCode(200).body("archived", equalTo(true));
        String archived = "community " + slug + " is archived";

        for (Map<String, String> change : List.of(Map.of("name", "Renommée " + slug), Map.of("description", "Autre chose"),
                Map.of("visibility", "public"))) {
            as(owner).body(change).put("/api/communities/{slug}", slug).then().statusCode(409)
                    .contentType("application/problem+json").body("detail", equalTo(archived));
        }
        as(owner).body(Map.of("role", "moderator")).put("/api/communities/{slug}/members/{login}/role", slug, member).then()
                .statusCode(409).contentType("application/problem+json").body("detail", equalTo(archived));
        as(owner).post("/api/communities/{slug}/requests/{login}/approve", slug, asker).then().statusCode(409)
                .body("detail", equalTo(archived));
        as(owner).post("/api/communities/{slug}/requests/{login}/reject", slug, other).then().statusCode(409)
                .body("detail", equalTo(archived));
        as(invitee).post("/api/communities/{slug}/invitations/mine/accept", slug).then().statusCode(409)
                .body("detail", equalTo(archived));

        as(member).get("/api/communities/{slug}", slug).then().statusCode(200).body("name", equalTo("Communauté " + slug))
                .body("description", equalTo("Pour les tests")).body("visibility", equalTo("private"));
        as(owner).get("/api/communities/{slug}/members", slug).then().body("members.find { it.person.login == '" + member + "' }.role",
                equalTo("member")).body("count", equalTo(2));
        assertThat(List.of(statusOf(asker, slug), statusOf(other, slug), statusOf(invitee, slug)))
                .containsExactly("pending", "pending", "invited");

        as(owner).delete("/api/communities/{slug}/archive", slug).then().statusCode(200).body("archived", equalTo(false));
        as(owner).body(Map.of("name", "Renommée " + slug)).put("/api/communities/{slug}", slug).then().statusCode(200);
        as(owner).body(Map.of("role", "moderator")).put("/api/communities/{slug}/members/{login}/role", slug, member).then().statusCode(204);
        as(owner).post("/api/communities/{slug}/requests/{login}/approve", slug, asker).then().statusCode(204);
        as(owner).post("/api/communities/{slug}/requests/{login}/reject", slug, other).then().statusCode(204);
        as(invitee).post("/api/communities/{slug}/invitations/mine/accept", slug).then().statusCode(204);
        assertThat(List.of(statusOf(asker, slug), statusOf(other, slug), statusOf(invitee, slug)))
                .containsExactly("member", "none", "member");
    }

    /**
     * Access stays revocable in an archived community, and reading stays open: people leave (a requester withdraws),
     * an owner removes a member, takes back an invitation and still reads the pending lists, an invitee declines.
     */
    @Test
    void anArchivedCommunityStillLetsPeopleLeaveAndItsOwnersRemoveMembersAndTakeBackInvitations() {
        String owner = person("olga");
        String member = person("mia");
        String leaver = person("leo");
        String asker = person("ask");
        String invitee = person("ines");
        String decliner = person("dec");
        String slug = community(owner, "private");
        addMember(slug, owner, member);
        addMember(slug, owner, leaver);
        as(asker).post("/api/communities/{slug}/join", slug).then().statusCode(200);
        for (String login : List.of(invitee, decliner)) {
            as(owner).body(Map.of("login", login)).post("/api/communities/{slug}/invitations", slug).then().statusCode(204);
        }
        as(owner).post("/api/communities/{slug}/archive", slug).then().statusCode(200).body("archived", equalTo(true));

        as(owner).get("/api/communities/{slug}/requests", slug).then().statusCode(200).body("login", hasItem(asker));
        as(owner).get("/api/communities/{slug}/invitations", slug).then().statusCode(200).body("login", hasItems(invitee, decliner));
        as(owner).delete("/api/communities/{slug}/members/{login}", slug, member).then().statusCode(204);
        as(leaver).post("/api/communities/{slug}/leave", slug).then().statusCode(204);
        as(asker).post("/api/communities/{slug}/leave", slug).then().statusCode(204);
        as(owner).delete("/api/communities/{slug}/invitations/{login}", slug, invitee).then().statusCode(204);
        as(decliner).post("/api/communities/{slug}/invitations/mine/decline", slug).then().statusCode(204);

        as(owner).get("/api/communities/{slug}/members", slug).then().statusCode(200).body("count", equalTo(1))
                .body("members.person.login", contains(owner));
        assertThat(List.of(statusOf(member, slug), statusOf(leaver, slug), statusOf(asker, slug), statusOf(invitee, slug),
                statusOf(decliner, slug))).containsOnly("none");
        as(owner).get("/api/communities/{slug}", slug).then().body("archived", equalTo(true));
    }

    static String statusOf(String login, String slug) {
        return as(login).get("/api/communities/{slug}", slug).then().extract().path("myStatus");
    }

    @Test
    void theDirectorySearchesByNameAndListsPrivateButNotSecretCommunities() {
        String owner = person("olga");
        String paul = person("paul");
        String pub = community(owner, "public");
        String priv = community(owner, "private");
        String secret = community(owner, "secret");
        as(paul).get("/api/communities?q={q}&limit=50", "communauté").then().statusCode(200)
                .body("slug", hasItems(pub, priv)).body("slug", not(hasItem(secret)));
        as(owner).get("/api/communities?q={q}&limit=50", secret).then().statusCode(200).body("slug", hasItem(secret));
        as(paul).get("/api/communities?limit=500").then().statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void membersOfAPrivateCommunityAreListedToItsMembersCommunityManagersAndAdminsOnly() {
        String owner = person("olga");
        String member = person("marc");
        String paul = person("paul");
        String slug = community(owner, "private");
        addMember(slug, owner, member);
        as(owner).get("/api/communities/{slug}/members", slug).then().statusCode(200).body("count", equalTo(2));
        as(member).get("/api/communities/{slug}/members", slug).then().statusCode(200)
                .body("members.person.login", hasItems(owner, member));
        as(person("cm"), "employee", "community-manager").get("/api/communities/{slug}/members", slug).then().statusCode(200)
                .body("count", equalTo(2));
        as(person("root"), "employee", "admin").get("/api/communities/{slug}/members", slug).then().statusCode(200).body("count", equalTo(2));
        as(paul).get("/api/communities/{slug}/members", slug).then().statusCode(404)
                .contentType("application/problem+json").body("detail", not(org.hamcrest.Matchers.containsString(owner)));
    }

    @Test
    void aNonMemberGetsTheSame404ForAPrivateMemberListAsForItsFeed() {
        String owner = person("olga");
        String paul = person("paul");
        String slug = community(owner, "private");
        String feed = as(paul).get("/api/feed/communities/{slug}", slug).then().statusCode(404).extract().path("detail");
        as(paul).get("/api/communities/{slug}/members", slug).then().statusCode(404).body("detail", equalTo(feed));
    }

    @Test
    void membersOfAPublicCommunityAreListedToEveryone() {
        String owner = person("olga");
        String slug = community(owner, "public");
        as(person("paul")).get("/api/communities/{slug}/members", slug).then().statusCode(200).body("count", equalTo(1));
    }

    @Test
    void aPendingRequesterDoesNotSeeTheMembersOfAPrivateCommunity() {
        String owner = person("olga");
        String paul = person("paul");
        String slug = community(owner, "private");
        as(paul).post("/api/communities/{slug}/join", slug).then().statusCode(200).body("status", equalTo("pending"));
        as(paul).get("/api/communities/{slug}/members", slug).then().statusCode(404);
    }
}
