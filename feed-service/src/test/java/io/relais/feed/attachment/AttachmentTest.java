package io.relais.feed.attachment;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import io.relais.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.relais.feed.community.Fixtures.as;
import static io.relais.feed.community.Fixtures.community;
import static io.relais.feed.community.Fixtures.local;
import static io.relais.feed.community.Fixtures.person;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
public class AttachmentTest {

    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    public static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF".getBytes();

    public static io.restassured.response.ValidatableResponse upload(String login, String name, String type, byte[] bytes) {
        return given().auth().oauth2(TestTokens.employee(login)).multiPart("file", name, bytes, type)
                .post("/api/attachments").then();
    }

    @Test
    void anImageAttachedToAPrivatePostIsReadableByMembersOnly() {
        String owner = person("olga");
        String outsider = person("otto");
        String slug = community(owner, "private");
        String id = upload(owner, "schema.png", "image/png", PNG).statusCode(201)
                .body("mediaType", equalTo("image/png")).body("size", equalTo(PNG.length)).extract().path("id");
        String post = as(owner).body(Map.of("content", "Le schéma", "audience", Map.of("community", slug), "attachments", List.of(id)))
                .post("/api/posts").then().statusCode(201).body("attachments.id", hasItem(id)).extract().path("id");
        byte[] got = given().auth().oauth2(TestTokens.employee(owner)).get("/api/attachments/{id}", id).then().statusCode(200)
                .header("Content-Type", "image/png").header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertThat(got).isEqualTo(PNG);
        given().auth().oauth2(TestTokens.employee(outsider)).get("/api/attachments/{id}", id).then().statusCode(404);
        as(owner).get("/api/posts/{id}", local(post)).then().body("post.attachments[0].url", equalTo("/api/attachments/" + id));
    }

    @Test
    void typesAreCheckedOnTheBytesNotTheHeader() {
        String alice = person("alice");
        upload(alice, "evil.png", "image/png", "<html><script>x</script></html>".getBytes()).statusCode(415)
                .contentType("application/problem+json");
        upload(alice, "doc.png", "image/png", PDF).statusCode(415);
        upload(alice, "doc.pdf", "application/pdf", PDF).statusCode(201).body("mediaType", equalTo("application/pdf"));
    }

    @Test
    void tooLargeFilesAreRefusedWith413() {
        byte[] big = Arrays.copyOf(PDF, 5 * 1024 * 1024 + 1);
        upload(person("alice"), "big.pdf", "application/pdf", big).statusCode(413).contentType("application/problem+json");
    }

    /** docs/SECURITY.md §4: every 4xx names the field; for an upload that is the form field {@code file}. */
    @Test
    void everyRefusalOfAFileNamesTheFileFieldAndItsRule() {
        String alice = person("alice");
        upload(alice, "big.pdf", "application/pdf", Arrays.copyOf(PDF, 6 * 1024 * 1024)).statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", equalTo("must be at most 5242880 bytes"));
        upload(alice, "logo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes()).statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", equalTo("must be a PNG, JPEG, GIF, WebP image or a PDF document (checked on its content)"));
        upload(alice, "doc.png", "image/png", PDF).statusCode(415)
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", equalTo("is declared image/png but its content is application/pdf"));
        upload(alice, "empty.pdf", "application/pdf", new byte[0]).statusCode(400)
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", equalTo("must not be empty"));
    }

    @Test
    void onlyYourOwnUploadsCanBeAttached() {
        String alice = person("alice");
        String bob = person("bob");
        String id = upload(alice, "a.pdf", "application/pdf", PDF).statusCode(201).extract().path("id");
        as(bob).body(Map.of("content", "vol", "attachments", List.of(id))).post("/api/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("attachments[0]"));
        given().auth().oauth2(TestTokens.employee(bob)).get("/api/attachments/{id}", id).then().statusCode(404);
    }
}
