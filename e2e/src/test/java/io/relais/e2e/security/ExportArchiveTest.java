package io.relais.e2e.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.e2e.FailedExchangeLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's data export (issue 15) on the whole running stack: alice writes a post with a word only she wrote and a
 * comment, downloads {@code GET /api/people/me/export} from profile-service with her own token, and finds in the zip
 * her {@code profile.json} (login, name) and a {@code content.json} (gathered from feed-service) holding that post and
 * that comment; alice asking for bob's export is refused; carol, an admin, exports alice's.
 */
class ExportArchiveTest {

    static final String ALICE = "alice";
    static final String BOB = "bob";
    static final String ADMIN = "carol";
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void accounts() {
        FailedExchangeLog.enable();
        Stack.ensureEmployeeAccount(ALICE, "Alice", "Martin");
        Stack.ensureEmployeeAccount(BOB, "Bob", "Durand");
    }

    /** The entries of a zip archive by name. */
    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    static List<String> texts(JsonNode entries, String field) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.path(field).asText("")));
        return out;
    }

    @Test
    void aPersonDownloadsEverythingTheyWroteAndTheirProfileAsAZip() throws IOException {
        String word = "exportable" + UUID.randomUUID().toString().substring(0, 8);
        String post = Stack.as(ALICE).contentType("application/json").body(Map.of("content", "Mon bilan " + word))
                .post(Stack.FEED + "/api/posts").then().statusCode(201).extract().path("id");
        String comment = Stack.as(ALICE).contentType("application/json").body(Map.of("content", "Et un détail " + word))
                .post(Stack.FEED + "/api/posts/" + post.substring(post.lastIndexOf(':') + 1) + "/comments")
                .then().statusCode(201).extract().path("id");

        byte[] zip = Stack.as(ALICE).get(Stack.PROFILE + "/api/people/me/export").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();

        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries).containsKeys("profile.json", "content.json");
        JsonNode profile = JSON.readTree(entries.get("profile.json")).path("profile");
        assertThat(profile.path("login").asText()).isEqualTo(ALICE);
        assertThat(profile.path("displayName").asText()).isNotBlank();
        JsonNode content = JSON.readTree(entries.get("content.json"));
        assertThat(texts(content.path("posts"), "id")).contains(post);
        assertThat(texts(content.path("posts"), "source")).anyMatch(s -> s.contains(word));
        assertThat(texts(content.path("comments"), "id")).contains(comment);
        assertThat(texts(content.path("comments"), "source")).anyMatch(s -> s.contains(word));
    }

    @Test
    void someoneElsesExportIsRefused() {
        int status = Stack.as(ALICE).get(Stack.PROFILE + "/api/people/" + BOB + "/export").then().extract().statusCode();
        assertThat(status).isIn(403, 404);
    }

    @Test
    void anAdministratorExportsAnyonesData() throws IOException {
        byte[] zip = Stack.as(ADMIN).get(Stack.PROFILE + "/api/people/" + ALICE + "/export").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        assertThat(JSON.readTree(unzip(zip).get("profile.json")).path("profile").path("login").asText()).isEqualTo(ALICE);
    }
}
