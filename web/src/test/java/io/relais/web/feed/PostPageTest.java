package io.relais.web.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A post's own page and its edit form: titled after the post, and the form only for who may edit it. */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class PostPageTest {

    static final String BOBS_POST = """
            {"post":{"id":"urn:relais:post:p1","content":"<p>Tom &amp; Jerry &lt;script&gt; say hi to everyone in the atlas project this morning, before the review</p>",
             "source":"Tom & Jerry <script> say hi","author":{"login":"bob","displayName":"Bob <b>Martin</b>"},
             "can":{"edit":%s,"delete":false,"moderate":false}}}""";

    @BeforeEach
    void reset() {
        SERVICES.reset();
    }

    @Test
    void someoneElsesPostIsNotOfferedForEditingItsTextIsNotShown() {
        SERVICES.on("GET /api/posts/p1", 200, BOBS_POST.formatted("false"));

        String html = as("alice", "en").get("/posts/p1/edit").then().statusCode(403).extract().asString();

        assertThat(html).contains("You are not allowed to do this.").doesNotContain("<textarea", "say hi");
    }

    @Test
    void aPostTheServiceSaysIMayEditOpensItsEditForm() {
        SERVICES.on("GET /api/posts/p1", 200, BOBS_POST.formatted("true"));

        String html = as("carol", "en").get("/posts/p1/edit").then().statusCode(200).extract().asString();

        assertThat(html).contains("<textarea", "Tom &amp; Jerry &lt;script&gt; say hi");
    }

    @Test
    void thePostPageIsTitledWithItsAuthorAndItsFirstWordsAsText() {
        SERVICES.on("GET /api/posts/p1", 200, BOBS_POST.formatted("false"));

        String html = as("alice", "en").get("/posts/p1").then().statusCode(200).extract().asString();

        assertThat(html).contains("<title>Post by Bob &lt;b&gt;Martin&lt;/b&gt;: Tom &amp; Jerry &lt;script&gt; say hi to everyone in the atlas… · Relais</title>");
    }

    @Test
    void aFrenchReaderGetsTheTitleInFrench() {
        SERVICES.on("GET /api/posts/p1", 200, BOBS_POST.formatted("false"));

        String html = as("alice", "fr").get("/posts/p1").then().statusCode(200).extract().asString();

        assertThat(html).contains("<title>Publication de Bob &lt;b&gt;Martin&lt;/b&gt; : Tom &amp; Jerry");
    }

    private static RequestSpecification as(String login, String language) {
        return given().header("X-Test-Login", login).header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }
}
