package io.relais.feed.governance;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.relais.feed.community.Fixtures.addMember;
import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.relais.feed.community.Fixtures.post;
import static io.relais.events.Iri.community;
import static org.assertj.core.api.Assertions.assertThat;

/** What feed-service gives a person's data export: what they wrote, with its Markdown, and what they did. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ContentExportTest {

    @Test
    void theExportHoldsTheirPostsCommentsReactionsMembershipsAndFollowsAndNothingOfOthers() {
        String me = person("exporter");
        String colleague = person("colleague");
        String slug = community(colleague, "public");
        addMember(slug, colleague, me);
        String mine = post(me, slug, "Mon **premier** post #export");
        String theirs = post(colleague, null, "Le post d'un collègue");
        String comment = as(me).body(Map.of("content", "Un _commentaire_")).post("/api/posts/{id}/comments", local(theirs))
                .then().statusCode(201).extract().path("id");
        as(me).body(Map.of("kind", "celebrate")).put("/api/posts/{id}/reactions/mine", local(theirs)).then().statusCode(200);
        as(me).put("/api/follows/person/{login}", colleague).then().statusCode(204);
        as(colleague).body(Map.of("content", "Pas à moi")).post("/api/posts/{id}/comments", local(mine)).then().statusCode(201);

        JsonPath export = as(me).get("/api/exports/people/{login}", me).then().statusCode(200).extract().jsonPath();

        assertThat(export.getString("person")).isEqualTo("urn:relais:person:" + me);
        assertThat(export.getList("posts.id")).containsExactly(mine);
        assertThat(export.getString("posts[0].source")).isEqualTo("Mon **premier** post #export");
        assertThat(export.getString("posts[0].content")).contains("<strong>premier</strong>");
        assertThat(export.getString("posts[0].community")).isEqualTo(community(slug));
        assertThat(export.getList("comments.id")).containsExactly(comment);
        assertThat(export.getString("comments[0].source")).isEqualTo("Un _commentaire_");
        assertThat(export.getString("comments[0].post")).isEqualTo(theirs);
        assertThat(export.getList("reactions.object")).containsExactly(theirs);
        assertThat(export.getList("reactions.kind")).containsExactly("celebrate");
        assertThat(export.getList("memberships.community")).containsExactly(community(slug));
        assertThat(export.getList("memberships.role")).containsExactly("member");
        assertThat(export.getList("follows")).containsExactly("urn:relais:person:" + colleague);
    }

    @Test
    void onlyThePersonAndAdministratorsReadTheirExport() {
        String me = person("private");
        post(me, null, "Rien que pour moi");

        as(person("nosy")).get("/api/exports/people/{login}", me).then().statusCode(403).contentType("application/problem+json");
        as("root", "admin").get("/api/exports/people/{login}", me).then().statusCode(200);
        io.restassured.RestAssured.given().get("/api/exports/people/{login}", me).then().statusCode(401);
    }
}
