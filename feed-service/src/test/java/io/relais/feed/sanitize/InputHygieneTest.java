package io.relais.feed.sanitize;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static io.relais.feed.community.Fixtures.slug;
import static io.relais.feed.community.Fixtures.unknownPerson;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * Issue 12, input hygiene: NUL, other control characters, bidi overrides and zero-width characters never
 * reach a stored name, description, post or comment; unknown logins are refused one by one.
 */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class InputHygieneTest {

    @Test
    void aCommunityNameWithNulAndABidiOverrideIsStoredWithoutThem() {
        String owner = person("olga");
        String slug = slug("hyg");
        as(owner).body(Map.of("slug", slug, "name", "Ev\u0000il\u202Egnp.exe", "description", "a\u200Bb\u0007c\nline two",
                "visibility", "public")).post("/api/communities").then().statusCode(201)
                .body("name", equalTo("Evilgnp.exe")).body("description", equalTo("abc\nline two"));
        as(owner).get("/api/communities/{slug}", slug).then().statusCode(200).body("name", equalTo("Evilgnp.exe"));
        as(owner).body(Map.of("name", "Re\u2066named\u2069\u0000")).put("/api/communities/{slug}", slug).then()
                .statusCode(200).body("name", equalTo("Renamed"));
    }

    @Test
    void aNameMadeOnlyOfInvisibleCharactersIsRefusedNamingTheField() {
        as(person("olga")).body(Map.of("slug", slug("hyg"), "name", "\u0000\u200B\u202E", "visibility", "public"))
                .post("/api/communities").then().statusCode(400).body("errors.field", hasItem(containsString("name")));
    }

    @Test
    void postsAndCommentsLoseControlAndZeroWidthCharactersButKeepLineBreaks() {
        String alice = person("alice");
        String id = post(alice, null, "Bon\u0000jour\u200B\u202E tout le monde");
        as(alice).get("/api/posts/{id}", local(id)).then().statusCode(200)
                .body("post.content", not(containsString("\u0000"))).body("post.content", containsString("Bonjour tout le monde"));
        as(alice).body(Map.of("content", "Mer\u0000ci\u200B !")).post("/api/posts/{id}/comments", local(id)).then()
                .statusCode(201).body("content", containsString("Merci !"));
    }

    /**
     * The tester's finding: {@code &#x202E;evil} stored a real RIGHT-TO-LEFT OVERRIDE in the post's HTML, because the
     * source was cleaned before CommonMark turned the reference into the character. However it is written (literal,
     * decimal, hex, named reference, in a paragraph or a link title), what readers get holds no bidi override nor
     * invisible control character; accents, emoji and a reference shown as code stay as written.
     */
    @Test
    void bidiOverridesAndInvisibleCharactersWrittenAsCharacterReferencesNeverReachThePost() {
        String alice = person("alice");
        String id = post(alice, null, "Facture &#x202E;exe.pdf &#8238;gnp &#x2066;iso&#x2069; a&#x200B;b c&NoBreak;d e&#x85;f "
                + "[lien](https://wiki.example \"&#x202E;titre\") <p>&#x202D;brut</p>");
        String html = as(alice).get("/api/posts/{id}", local(id)).then().statusCode(200).extract().path("post.content");
        org.assertj.core.api.Assertions.assertThat(html).doesNotContain("\u202E", "\u202D", "\u2066", "\u2069", "\u200B", "\u2060",
                "\u0085").contains("exe.pdf", "gnp", "iso", "ab", "cd", "ef", "brut");
        String comment = as(alice).body(Map.of("content", "R&#xE9;ponse &#x202E;retournée")).post("/api/posts/{id}/comments", local(id))
                .then().statusCode(201).extract().path("content");
        org.assertj.core.api.Assertions.assertThat(comment).doesNotContain("\u202E").contains("Réponse retournée");

        String legit = post(alice, null, "Café crème 🎉 `&#x202E;` **gras**");
        String legitHtml = as(alice).get("/api/posts/{id}", local(legit)).then().statusCode(200).extract().path("post.content");
        org.assertj.core.api.Assertions.assertThat(org.jsoup.Jsoup.parseBodyFragment(legitHtml).text()).isEqualTo("Café crème 🎉 &#x202E; gras");
        org.assertj.core.api.Assertions.assertThat(legitHtml).contains("<code>&amp;#x202E;</code>", "<strong>gras</strong>");
    }

    @Test
    void pathParametersAreCleanedBeforeRouting() {
        String owner = person("olga");
        String slug = community(owner, "public");
        String dirty = slug.substring(0, 2) + "\u200B" + slug.substring(2) + "\u202E";
        as(owner).get("/api/communities/{slug}", dirty).then().statusCode(200).body("slug", equalTo(slug));
    }

    @Test
    void anInvitationOfAnUnknownLoginIsRefusedNamingTheLogin() {
        String owner = person("olga");
        String slug = community(owner, "secret");
        String ghost = unknownPerson("ghost");
        as(owner).body(Map.of("login", ghost)).post("/api/communities/{slug}/invitations", slug).then().statusCode(400)
                .body("errors[0].field", equalTo("login")).body("errors[0].message", containsString(ghost));
    }

    @Test
    void aMemberImportNamesEachUnknownLoginAndAddsNobody() {
        String owner = person("olga");
        String slug = community(owner, "public");
        String known = person("kim");
        String typo = unknownPerson("kimm");
        String gone = unknownPerson("left");
        as(owner).body(Map.of("logins", List.of(known, typo, gone))).post("/api/communities/{slug}/members", slug).then()
                .statusCode(400).body("errors.field", containsInAnyOrder("logins[1]", "logins[2]"))
                .body("errors.message", hasItem(containsString(typo))).body("errors.message", hasItem(containsString(gone)));
        as(owner).get("/api/communities/{slug}/members", slug).then().statusCode(200)
                .body("members.person.login", not(hasItem(known)));
    }
}
