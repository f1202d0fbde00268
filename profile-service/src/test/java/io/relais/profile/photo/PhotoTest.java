package io.relais.profile.photo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.relais.profile.Fixtures.as;
import static io.relais.profile.Fixtures.employee;
import static io.relais.profile.Fixtures.snapshots;
import static io.relais.profile.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class PhotoTest {

    /** A 1×1 transparent PNG. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Test
    void anUploadedPhotoIsServedBackAndAnnouncedInTheSnapshot() {
        String ana = unique("ana");
        String url = given().auth().oauth2(employee(ana)).contentType("image/png").body(PNG)
                .put("/api/people/me/photo").then().statusCode(200)
                .body("photoUrl", containsString("/api/people/" + ana + "/photo?v=")).extract().path("photoUrl");

        byte[] served = given().auth().oauth2(employee("alice")).get("/api/people/{login}/photo", ana)
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(served).isEqualTo(PNG);
        snapshots(ana, 1, r -> r.value() != null && r.value().contains("\"icon\"") && r.value().contains(url));
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
                .put("/api/people/me/photo").then().statusCode(413).contentType("application/problem+json");
        as(employee(cleo)).get("/api/people/me").then().statusCode(200).body("photoUrl", nullValue());
    }

    @Test
    void aNewPhotoReplacesTheOldOne() {
        String dan = unique("dan");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
        given().auth().oauth2(employee(dan)).contentType("image/png").body(PNG).put("/api/people/me/photo").then().statusCode(200);
        given().auth().oauth2(employee(dan)).contentType("image/jpeg").body(jpeg).put("/api/people/me/photo").then().statusCode(200);
        byte[] served = given().auth().oauth2(employee("alice")).get("/api/people/{login}/photo", dan)
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(served).isEqualTo(jpeg);
    }
}
