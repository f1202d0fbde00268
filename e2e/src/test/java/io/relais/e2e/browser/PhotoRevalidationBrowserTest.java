package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * web → profile-service, in a real browser: a photo is revalidated before each use, so a changed photo is never shown
 * from the browser's cache. The web app passes the browser's If-None-Match on and profile-service's ETag back (the web
 * module's {@code PhotoRevalidationTest} checks that against a scripted profile-service; this checks both together).
 */
class PhotoRevalidationBrowserTest {

    static final String PROFILE = Api.PROFILE;

    @Test
    void aPhotoIsAskedForAgainAndAChangedOneIsServedAtOnce() {
        upload("carol", image(new Color(20, 120, 200)));
        try (Browser carol = Browser.open()) {
            carol.loginAs("carol");

            Map<String, Object> first = fetchPhoto(carol, null);
            assertThat(first.get("status")).as("the photo, through the web app").isEqualTo(200L);
            assertThat(first.get("cacheControl")).isEqualTo("private, no-cache");
            String etag = (String) first.get("etag");
            assertThat(etag).as("the photo's ETag, passed on from profile-service").isNotBlank();

            Map<String, Object> unchanged = fetchPhoto(carol, etag);
            assertThat(unchanged.get("status")).as("asked again with the ETag held: not sent again").isEqualTo(304L);
            assertThat(unchanged.get("bytes")).isEqualTo(0L);

            upload("carol", image(new Color(200, 60, 20)));
            Map<String, Object> changed = fetchPhoto(carol, etag);
            assertThat(changed.get("status")).as("asked with the old photo's ETag after a change").isEqualTo(200L);
            assertThat(changed.get("etag")).isNotEqualTo(etag);
            assertThat((Long) changed.get("bytes")).isPositive();
        }
    }

    /** The page's own fetch of carol's photo, with {@code ifNoneMatch} set by the page as a browser revalidating would. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetchPhoto(Browser browser, String ifNoneMatch) {
        return (Map<String, Object>) browser.jsAsync("""
                const done = arguments[arguments.length - 1];
                const headers = arguments[0] ? {'If-None-Match': arguments[0]} : {};
                fetch('/people/carol/photo', {headers, cache: 'no-store'})
                  .then(r => r.arrayBuffer().then(b => done({status: r.status, etag: r.headers.get('ETag'),
                      cacheControl: r.headers.get('Cache-Control'), bytes: b.byteLength})))
                  .catch(e => done({status: -1, error: String(e)}));
                """, ifNoneMatch);
    }

    private static void upload(String login, byte[] png) {
        given().auth().oauth2(Api.token(login)).contentType("image/png").body(png)
                .put(PROFILE + "/api/people/me/photo").then().statusCode(200);
    }

    /** A 4×4 PNG of one colour: two colours give two different photos. */
    private static byte[] image(Color colour) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) for (int y = 0; y < 4; y++) image.setRGB(x, y, colour.getRGB());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
