package io.relais.profile.governance;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.relais.profile.Fixtures.admin;
import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A person downloads their data as a zip; an administrator may download anyone's; nobody else. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ExportTest {

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) files.put(e.getName(), in.readAllBytes());
        }
        return files;
    }

    @Test
    void myExportHoldsMyProfilePhotoEndorsementsGivenAndMyContent() throws IOException {
        String me = unique("exporter");
        String colleague = unique("colleague");
        as(employee(colleague)).body("{\"skills\":[\"Kafka\"]}").patch("/api/people/me").then().statusCode(200);
        as(employee(me)).body("{\"bio\":\"Ma bio\",\"skills\":[\"Lucene\"],\"languages\":[\"fr\"]}").patch("/api/people/me")
                .then().statusCode(200);
        given().auth().oauth2(employee(me)).contentType("image/png").body(PNG).put("/api/people/me/photo").then().statusCode(200);
        as(employee(me)).put("/api/people/{login}/skills/kafka/endorsements/mine", colleague).then().statusCode(200);

        Response r = given().auth().oauth2(employee(me)).get("/api/people/me/export");

        r.then().statusCode(200).contentType("application/zip");
        assertThat(r.header("Content-Disposition")).startsWith("attachment; filename=\"relais-export-" + me + "-").endsWith(".zip\"");
        Map<String, byte[]> files = unzip(r.asByteArray());
        assertThat(files).containsOnlyKeys("profile.json", "content.json", "photo.png");
        byte[] served = given().auth().oauth2(employee(me)).get("/api/people/{login}/photo", me).then().statusCode(200)
                .extract().asByteArray();
        assertThat(files.get("photo.png")).as("the photo as stored and served (re-encoded at upload)").isEqualTo(served);
        JsonPath profile = new JsonPath(new String(files.get("profile.json"), StandardCharsets.UTF_8));
        assertThat(profile.getString("profile.login")).isEqualTo(me);
        assertThat(profile.getString("profile.bio")).isEqualTo("Ma bio");
        assertThat(profile.getList("profile.skills.name")).containsExactly("Lucene");
        assertThat(profile.getList("endorsementsGiven.target")).containsExactly(colleague);
        assertThat(profile.getList("endorsementsGiven.skill")).containsExactly("kafka");
        assertThat(profile.getString("photo")).isEqualTo("photo.png");
        JsonPath content = new JsonPath(new String(files.get("content.json"), StandardCharsets.UTF_8));
        assertThat(content.getString("person")).isEqualTo("urn:relais:person:" + me);
        assertThat(content.getString("askedBy")).isEqualTo(me);
        assertThat(content.getString("posts[0].source")).isEqualTo("Mon **premier** post");
    }

    @Test
    void anAdministratorExportsAnyoneAndOthersAreRefused() throws IOException {
        String someone = unique("someone");
        as(employee(someone)).get("/api/people/me").then().statusCode(200);

        given().auth().oauth2(employee(unique("nosy"))).get("/api/people/{login}/export", someone).then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/people/me/export").then().statusCode(401);
        given().auth().oauth2(admin()).get("/api/people/{login}/export", unique("nobody")).then().statusCode(404);

        Response r = given().auth().oauth2(admin()).get("/api/people/{login}/export", someone);
        r.then().statusCode(200).contentType("application/zip");
        Map<String, byte[]> files = unzip(r.asByteArray());
        assertThat(files).containsOnlyKeys("profile.json", "content.json");
        assertThat(new JsonPath(new String(files.get("content.json"), StandardCharsets.UTF_8)).getString("askedBy")).isEqualTo("carol");
    }
}
