package io.relais.feed.community;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Iri;
import io.relais.testing.RelaisTestResources;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * Creating a community tells nobody that a secret community they may not see exists (a trial of the stack: alice,
 * outside the board's secret {@code comite-direction}, got "the community slug 'comite-direction' is taken" and
 * "name … is already used by another community", where every other path answers 404). Names need not be unique
 * against secret communities the creator cannot see; a slug stays unique (it is the IRI): one chosen by feed-service
 * is picked free silently, and one a client insists on is refused exactly as any unavailable slug is.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class SecretCommunityNamesTest {

    @Inject
    CommunityNames names;

    static Response create(String login, Map<String, String> body) {
        return as(login).body(body).post("/api/communities");
    }

    static Map<String, String> community(String slug, String name, String visibility) {
        return slug == null ? Map.of("name", name, "visibility", visibility)
                : Map.of("slug", slug, "name", name, "visibility", visibility);
    }

    @Test
    void anExplicitSlugOfASecretCommunityOneMayNotSeeIsAnsweredAsAnyUnavailableSlug() {
        String board = person("board");
        String alice = person("alice");
        String token = Fixtures.unknownPerson("t");
        String secret = Fixtures.slug("comite-direction");
        String secretName = "Comité de direction " + token;
        create(board, community(secret, secretName, "secret")).then().statusCode(201);
        String visible = Fixtures.community(board, "public");

        String toSecret = create(alice, community(secret, "Atelier " + token, "public")).then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("slug")).extract().asString();
        String toVisible = create(alice, community(visible, "Atelier " + token, "public")).then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("slug")).extract().asString();

        assertThat(toSecret).doesNotContain("taken", "Comité", secretName, token);
        // word for word what a slug held by a community alice sees answers: the slug is the only difference
        assertThat(toSecret.replace(secret, "SLUG")).isEqualTo(toVisible.replace(visible, "SLUG"));
        as(alice).get("/api/communities/{slug}", secret).then().statusCode(404);
    }

    @Test
    void theNameOfASecretCommunityOneMayNotSeeIsFreeToThemButNotToItsMembers() {
        String board = person("board");
        String member = person("member");
        String token = Fixtures.unknownPerson("t");
        String secret = Fixtures.slug("secret");
        String name = "Comité de direction " + token;
        create(board, community(secret, name, "secret")).then().statusCode(201);
        Fixtures.addMember(secret, board, member);

        // whoever may see it is refused as before, without its slug
        for (String insider : List.of(board, member)) {
            String body = create(insider, community(Fixtures.slug("copy"), name.toUpperCase(Locale.ROOT), "public")).then()
                    .statusCode(409).body("errors[0].field", equalTo("name")).extract().asString();
            assertThat(body).doesNotContain(secret);
        }
        // outsiders: the same name, differing in case, accents or punctuation, is no conflict, secret or not
        for (String copy : List.of(name.toUpperCase(Locale.ROOT), "  comite-de  DIRECTION " + token + " !")) {
            String body = create(person("outsider"), community(Fixtures.slug("copy"), copy, "secret")).then().statusCode(201)
                    .extract().asString();
            assertThat(body).doesNotContain(secret);
        }
        String paul = person("paul");
        String paulsSlug = Fixtures.slug("public");
        create(paul, community(paulsSlug, name, "public")).then().statusCode(201).body("name", equalTo(name));
        // once a community everyone sees holds the name, the name conflicts for everyone
        create(person("quentin"), community(Fixtures.slug("copy"), "comité DE direction " + token, "public")).then()
                .statusCode(409).body("errors[0].field", equalTo("name"));
        create(person("rita"), community(Fixtures.slug("copy"), name, "secret")).then()
                .statusCode(409).body("errors[0].field", equalTo("name"));
        // renaming follows the same rule: to a secret name one cannot see is allowed, to a visible one is not
        String mine = Fixtures.community(paul, "private");
        String otherSecretName = "Cellule de crise " + token;
        create(board, community(Fixtures.slug("secret"), otherSecretName, "secret")).then().statusCode(201);
        as(paul).body(Map.of("name", otherSecretName)).put("/api/communities/{slug}", mine).then().statusCode(200)
                .body("name", equalTo(otherSecretName));
        as(board).body(Map.of("name", otherSecretName)).put("/api/communities/{slug}", secret).then().statusCode(409)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void aSecretCommunityLeavesSecrecyOnlyUnderANameNoOtherOpenCommunityHolds() {
        String board = person("board");
        String paul = person("paul");
        String token = Fixtures.unknownPerson("t");
        String name = "Projet Orion " + token;
        String secret = Fixtures.slug("secret");
        create(board, community(secret, name, "secret")).then().statusCode(201);
        create(paul, community(Fixtures.slug("public"), name, "public")).then().statusCode(201);

        as(board).body(Map.of("visibility", "private")).put("/api/communities/{slug}", secret).then().statusCode(409)
                .body("errors[0].field", equalTo("name"));
        as(board).body(Map.of("visibility", "private", "name", "Projet Orion (direction) " + token))
                .put("/api/communities/{slug}", secret).then().statusCode(200).body("visibility", equalTo("private"));
        // and now it holds its new name like any open community
        create(person("quentin"), community(Fixtures.slug("copy"), "projet orion direction " + token, "public")).then()
                .statusCode(409).body("errors[0].field", equalTo("name"));
    }

    @Test
    void aCommunityTurningSecretGivesItsNameBackToThoseWhoNoLongerSeeIt() {
        String owner = person("olga");
        String token = Fixtures.unknownPerson("t");
        String name = "Groupe Vega " + token;
        String slug = Fixtures.slug("public");
        create(owner, community(slug, name, "public")).then().statusCode(201);
        create(person("paul"), community(Fixtures.slug("copy"), name, "public")).then().statusCode(409);

        as(owner).body(Map.of("visibility", "secret")).put("/api/communities/{slug}", slug).then().statusCode(200);

        create(person("paul"), community(Fixtures.slug("copy"), name, "public")).then().statusCode(201);
    }

    @Test
    void aNameClaimedByASecretCommunityBeforeThisRuleDoesNotBlockOutsiders() {
        String board = person("board");
        String token = Fixtures.unknownPerson("t");
        String name = "Ancien comité " + token;
        String secret = Fixtures.slug("secret");
        create(board, community(secret, name, "secret")).then().statusCode(201);
        // as a secret community created before held its name: a settled claim
        Fixtures.store().getCollection(CommunityNames.COLLECTION).replaceOne(new Document("_id", CommunityNames.key(name)),
                new Document("_id", CommunityNames.key(name)).append("community", Iri.community(secret))
                        .append("at", new Date(0)), new com.mongodb.client.model.ReplaceOptions().upsert(true));

        create(person("alice"), community(Fixtures.slug("copy"), name, "public")).then().statusCode(201);
    }

    /**
     * Communities written before this rule carry no name key and a secret one may hold its name's claim: start-up gives
     * the claim back and writes the key, so the rule holds for them as for new ones.
     */
    @Test
    void communitiesWrittenBeforeThisRuleAreBroughtUnderItAtStartUp() {
        String invitee = person("ines");
        String token = Fixtures.unknownPerson("t");
        String name = "Ancien bureau " + token;
        String iri = Iri.community(Fixtures.slug("old"));
        Fixtures.store().getCollection("communities").insertOne(new Document("_id", iri).append("slug", Iri.localId(iri))
                .append("name", name).append("nameLower", name.toLowerCase(Locale.ROOT)).append("description", "")
                .append("visibility", "secret").append("archived", false).append("requests", List.of())
                .append("invitations", List.of(Iri.person(invitee))).append("pins", List.of()).append("created", new Date())
                .append("createdBy", Iri.person(person("board"))));
        // a fresh claim (too young to be taken over when asked)
        Fixtures.store().getCollection(CommunityNames.COLLECTION).insertOne(new Document("_id", CommunityNames.key(name))
                .append("community", iri).append("at", new Date()));

        names.claimExisting(null);

        assertThat(Fixtures.store().getCollection(CommunityNames.COLLECTION).find(new Document("_id", CommunityNames.key(name)))
                .first()).isNull();
        create(invitee, community(Fixtures.slug("copy"), name, "public")).then().statusCode(409)
                .body("errors[0].field", equalTo("name"));
        create(person("alice"), community(Fixtures.slug("copy"), name, "public")).then().statusCode(201);
    }

    @Test
    void withoutASlugOneIsChosenFromTheNameAndASecretCommunitysCannotBeGuessedFromIt() {
        String alice = person("alice");
        String token = Fixtures.unknownPerson("t");
        String base = "equipe-atlas-" + token;
        create(alice, community(null, "Équipe Atlas " + token, "public")).then().statusCode(201)
                .body("slug", equalTo(base)).header("Location", endsWith("/api/communities/" + base));
        // another name (the ideograms count in names, not in slugs) that makes the same slug: the next free one
        create(person("bruno"), community(null, "Équipe Atlas " + token + " 日本", "public")).then().statusCode(201)
                .body("slug", equalTo(base + "-2"));

        String board = person("board");
        String secretName = "Comité de direction " + token;
        String secretSlug = create(board, community(null, secretName, "secret")).then().statusCode(201)
                .extract().path("slug");
        assertThat(secretSlug).matches("comite-de-direction-" + token + "-[a-z0-9]{8}");
        // so an outsider naming theirs alike gets the plain slug, free
        create(alice, community(null, secretName, "public")).then().statusCode(201)
                .body("slug", equalTo("comite-de-direction-" + token));
    }

    @Test
    void aSlugChosenFromTheNameStepsSilentlyAroundASecretCommunitysExplicitSlug() {
        String board = person("board");
        String alice = person("alice");
        String token = Fixtures.unknownPerson("t");
        String secret = "conseil-" + token;
        create(board, community(secret, "Le conseil très privé " + token, "secret")).then().statusCode(201);

        String body = create(alice, community(null, "Conseil " + token, "public")).then().statusCode(201)
                .body("slug", equalTo(secret + "-2")).extract().asString();
        assertThat(body).doesNotContain("privé");
    }

    @Test
    void aNameWithoutALetterOrDigitIsRefusedNamingNameWhetherOrNotASlugIsGiven() {
        create(person("alice"), Map.of("name", "!!!", "visibility", "public")).then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        create(person("alice"), community(Fixtures.slug("x"), "???", "public")).then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }
}
