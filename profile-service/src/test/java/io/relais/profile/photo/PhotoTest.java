package io.relais.profile.photo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.snapshots;
import static io.relais.profile.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class PhotoTest {

    /** A 1×1 transparent PNG. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Test
    void anUploadedPhotoIsServedBackReEncodedAndAnnouncedInTheSnapshot() throws Exception {
        String ana = unique("ana");
        String url = given().auth().oauth2(employee(ana)).contentType("image/png").body(PNG)
                .put("/api/people/me/photo").then().statusCode(200)
                .body("photoUrl", containsString("/api/people/" + ana + "/photo?v=")).extract().path("photoUrl");

        byte[] served = given().auth().oauth2(employee("alice")).get("/api/people/{login}/photo", ana)
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(image.getWidth()).isEqualTo(1);
        assertThat(image.getHeight()).isEqualTo(1);
        snapshots(ana, 1, r -> r.value() != null && r.value().contains("\"icon\"") && r.value().contains(url));
    }

    /**
     * A client that got a profile answer with a bearer token fetches the photo it names with the same token, from the
     * same profile-service, wherever it reached it (local port, in-cluster Service, ingress); without a token, 401.
     */
    @Test
    void thePhotoUrlOfAnAnswerIsServedWhereTheAnswerCameFromWithTheSameTokenAndOnlyWithOne() throws Exception {
        String ida = unique("ida");
        String api = RestAssured.baseURI + ":" + RestAssured.port;
        URI upload = URI.create(api + "/api/people/me/photo");
        String uploaded = given().auth().oauth2(employee(ida)).contentType("image/png").body(PNG).put(upload)
                .then().statusCode(200).extract().path("photoUrl");
        assertServedWithTheSameToken(upload, uploaded, employee(ida));
        URI person = URI.create(api + "/api/people/" + ida);
        String seen = given().auth().oauth2(employee("alice")).get(person).then().statusCode(200).extract().path("photoUrl");
        assertServedWithTheSameToken(person, seen, employee("alice"));
    }

    private static void assertServedWithTheSameToken(URI answer, String photoUrl, String token) throws Exception {
        URI photo = answer.resolve(photoUrl);
        assertThat(photo.getScheme() + "://" + photo.getAuthority())
                .as("photoUrl %s of the answer of %s, resolved against it", photoUrl, answer)
                .isEqualTo(answer.getScheme() + "://" + answer.getAuthority());
        byte[] served = given().auth().oauth2(token).get(photo).then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(1);
        // no token: refused before any resource runs (quarkus.http.auth.permission.default), with the bearer challenge
        given().get(photo).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void bytesAfterTheImageAndMetadataAreNeverServed() throws Exception {
        String eve = unique("eve");
        byte[] withTrailer = concat(jpeg(32, 24), "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII));
        given().auth().oauth2(employee(eve)).contentType("image/jpeg").body(withTrailer).put("/api/people/me/photo")
                .then().statusCode(200);
        byte[] served = given().auth().oauth2(employee("alice")).get("/api/people/{login}/photo", eve)
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(image.getWidth()).isEqualTo(32);
        assertThat(image.getHeight()).isEqualTo(24);
    }

    @Test
    void aGifDeclaredAsPngIsRefusedNamingPhotoAndNothingIsStored() {
        String finn = unique("finn");
        given().auth().oauth2(employee(finn)).contentType("image/png").body("GIF89a<script>alert(1)</script>".getBytes())
                .put("/api/people/me/photo").then().statusCode(415).contentType("application/problem+json")
                .body("errors[0].field", equalTo("photo"));
        given().auth().oauth2(employee(finn)).contentType("image/gif").body("GIF89a<script>alert(1)</script>".getBytes())
                .put("/api/people/me/photo").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("photo"));
        as(employee(finn)).get("/api/people/me").then().statusCode(200).body("photoUrl", nullValue());
    }

    /**
     * The declared type must be an image type, as the README says: PNG bytes sent as text, JSON or an untyped octet
     * stream are refused (415 naming photo and the accepted types), nothing stored. Before, all three answered 200.
     */
    @Test
    void aPhotoNotDeclaredAsAnImageTypeIsRefusedNamingPhotoAndTheAcceptedTypes() {
        String nina = unique("nina");
        for (String declared : java.util.List.of("text/plain", "application/json", "application/octet-stream")) {
            given().auth().oauth2(employee(nina)).contentType(declared).body(PNG).put("/api/people/me/photo")
                    .then().statusCode(415).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("photo"))
                    .body("errors[0].message", containsString("image/jpeg, image/png or image/gif"))
                    .body("errors[0].message", containsString(declared));
        }
        as(employee(nina)).get("/api/people/me").then().statusCode(200).body("photoUrl", nullValue());
    }

    /** An empty body is a photo left out: 400 naming photo (before, the field was named {@code $}). */
    @Test
    void anEmptyPhotoIsRefusedNamingPhoto() {
        given().auth().oauth2(employee(unique("otto"))).contentType("image/png").body(new byte[0]).put("/api/people/me/photo")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("photo")).body("errors[0].message", containsString("empty"));
    }

    @Test
    void aGifBecomesAPng() throws Exception {
        String gil = unique("gil");
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "gif", gif);
        given().auth().oauth2(employee(gil)).contentType("image/gif").body(gif.toByteArray()).put("/api/people/me/photo")
                .then().statusCode(200);
        byte[] served = given().auth().oauth2(employee("alice")).get("/api/people/{login}/photo", gil)
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(8);
    }

    @Test
    void aHugeCanvasIsRefusedFromItsHeaderBeforeDecoding() {
        String hal = unique("hal");
        given().auth().oauth2(employee(hal)).contentType("image/png").body(pngDeclaring(100_000, 100_000))
                .put("/api/people/me/photo").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("photo")).body("errors[0].message", containsString("4096"));
        as(employee(hal)).get("/api/people/me").then().statusCode(200).body("photoUrl", nullValue());
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedWhateverItsDeclaredType() {
        String ben = unique("ben");
        given().auth().oauth2(employee(ben)).contentType("image/png").body("<svg onload=alert(1)>".getBytes())
                .put("/api/people/me/photo").then().statusCode(415).contentType("application/problem+json");
        as(employee(ben)).get("/api/people/me").then().statusCode(200).body("photoUrl", nullValue());
        given().auth().oauth2(employee("alice")).get("/api/people/{login}/photo", ben).then().statusCode(404);
    }

    @Test
    void aPhotoLargerThanTheLimitIsRefusedBeforeStoring() {
        String cleo = unique("cleo");
        byte[] big = Arrays.copyOf(PNG, 2 * 1024 * 1024 + 1);
        given().auth().oauth2(employee(cleo)).contentType("image/png").body(big)
                .put("/api/people/me/photo").then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("photo"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("2097152 bytes"));
        // sent without a length (chunked): read up to the limit, then refused the same way
        given().auth().oauth2(employee(cleo)).contentType("image/png").body(new java.io.ByteArrayInputStream(big))
                .put("/api/people/me/photo").then().statusCode(413).body("errors[0].field", org.hamcrest.Matchers.equalTo("photo"));
        as(employee(cleo)).get("/api/people/me").then().statusCode(200).body("photoUrl", nullValue());
    }

    @Test
    void aNewPhotoReplacesTheOldOne() throws Exception {
        String dan = unique("dan");
        given().auth().oauth2(employee(dan)).contentType("image/png").body(PNG).put("/api/people/me/photo").then().statusCode(200);
        given().auth().oauth2(employee(dan)).contentType("image/jpeg").body(jpeg(5, 7)).put("/api/people/me/photo").then().statusCode(200);
        byte[] served = given().auth().oauth2(employee("alice")).get("/api/people/{login}/photo", dan)
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(served)).getHeight()).isEqualTo(7);
    }

    /**
     * A photo is never kept by a browser beyond what the profile says now: every answer is {@code private, no-cache}
     * with the photo's id as its ETag, so a browser asks again each time it shows it (a 304 without the bytes while it
     * is unchanged). After a change the same URL answers the new photo, and after an erasure the URL an answer named
     * answers 404, even to a browser revalidating the copy it holds. Before, {@code private, max-age=86400} let a browser
     * show the old or the erased person's photo for a day without asking.
     */
    @Test
    void aPhotoIsRevalidatedEachTimeSoAChangeOrAnErasureIsSeenAtOnce() throws Exception {
        String eva = unique("eva");
        String url = given().auth().oauth2(employee(eva)).contentType("image/png").body(PNG).put("/api/people/me/photo")
                .then().statusCode(200).extract().path("photoUrl");
        var first = given().auth().oauth2(employee("alice")).get(url).then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-cache")).extract();
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        given().auth().oauth2(employee("alice")).header("If-None-Match", etag).get(url).then().statusCode(304);

        given().auth().oauth2(employee(eva)).contentType("image/jpeg").body(jpeg(5, 7)).put("/api/people/me/photo").then().statusCode(200);
        byte[] changed = given().auth().oauth2(employee("alice")).header("If-None-Match", etag).get(url).then().statusCode(200)
                .contentType("image/jpeg").header("Cache-Control", equalTo("private, no-cache")).extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(changed)).getHeight()).isEqualTo(7);
        String newUrl = as(employee("alice")).get("/api/people/{login}", eva).then().extract().path("photoUrl");
        String newEtag = given().auth().oauth2(employee("alice")).get(newUrl).then().statusCode(200).extract().header("ETag");

        as(io.relais.profile.Fixtures.admin()).post("/api/people/{login}/erasure", eva).then().statusCode(202);
        given().auth().oauth2(employee("alice")).header("If-None-Match", newEtag).get(newUrl).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(employee("alice")).get(url).then().statusCode(404);
    }

    static byte[] jpeg(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The 1×1 PNG with its header (IHDR) rewritten to declare another size, CRC fixed: a decompression-bomb shape. */
    static byte[] pngDeclaring(int width, int height) {
        byte[] png = PNG.clone();
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }
}
