package io.relais.web.people;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * profile-service refuses a profile edit with a 400 problem+json naming the fields: the reader gets the form again with
 * what they typed, each refused field marked {@code aria-invalid} with its sentence under its label, focus on the first,
 * in their language. Before, a full error page naming the API keys ("(phone, skills, languages[2])") with only a link
 * home, and everything typed lost.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class RefusedProfileEditTest {

    static final String REFUSAL = """
            {"type":"urn:relais:problem:invalid","title":"Invalid request","status":400,"detail":"3 fields are invalid",
             "errors":[{"field":"phone","message":"must be a phone number: digits, spaces and + ( ) . - /"},
                       {"field":"skills","message":"must hold at most 50 entries"},
                       {"field":"languages[2]","message":"must be 2 to 40 characters"}]}""";

    @BeforeEach
    void profileServiceRefusesTheEdit() {
        SERVICES.reset();
        SERVICES.on("GET /api/people/alice", 200, """
                {"login":"alice","displayName":"Alice Dubois","bio":"old bio","phone":"+33 1","skills":[],"languages":[]}""");
        SERVICES.on("PATCH /api/people/me", 400, REFUSAL);
        SERVICES.on("PUT /api/people/me", 400, REFUSAL);
    }

    @Test
    void aFrenchReaderGetsTheFormBackWithWhatSheTypedAndEachRefusedFieldExplained() {
        String html = save("fr").then().statusCode(422).extract().asString();

        assertThat(html).doesNotContain("Vérifiez votre saisie (", "languages[2]")
                .contains("id=\"profile-form\"", "a new bio &lt;i&gt;", "call me maybe &lt;b&gt;", "Lyon")
                .contains("java, kafka")
                .contains("Un numéro de téléphone ne contient que des chiffres")
                .contains("50 entrées au plus")
                .contains("de 2 à 40 caractères");
        // the form's first refused field in page order (bio, skills, languages, phone, location) takes the focus
        assertThat(tagOf(html, "skills")).contains("aria-invalid=\"true\"", "aria-describedby=\"skills-error\"", "autofocus");
        assertThat(tagOf(html, "phone")).contains("aria-invalid=\"true\"", "aria-describedby=\"phone-error\"")
                .doesNotContain("autofocus");
        assertThat(tagOf(html, "languages")).contains("aria-invalid=\"true\"", "aria-describedby=\"languages-error\"");
        assertThat(tagOf(html, "bio")).doesNotContain("aria-invalid");
        assertThat(tagOf(html, "location")).doesNotContain("aria-invalid");
        assertThat(html).containsPattern("<label for=\"phone\">[^<]*</label>\\s*<input[^>]*id=\"phone\"[^>]*>\\s*<p class=\"field-error\" id=\"phone-error\">");
    }

    @Test
    void anEnglishReaderReadsTheSameInEnglish() {
        String html = save("en").then().statusCode(422).extract().asString();

        assertThat(html).contains("A phone number holds only digits", "At most 50 entries", "2 to 40 characters")
                .doesNotContain("languages[2]");
    }

    private static String tagOf(String html, String id) {
        Matcher m = Pattern.compile("<(input|textarea)[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("the field %s", id).isTrue();
        return m.group();
    }

    private static Response save(String language) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as(language).get("/people/me/edit").asString());
        assertThat(m.find()).isTrue();
        return as(language).header("Sec-Fetch-Site", "same-origin").multiPart("_csrf", m.group(1))
                .multiPart("bio", "a new bio <i>").multiPart("phone", "call me maybe <b>").multiPart("location", "Lyon")
                .multiPart("skills", "java, kafka").multiPart("languages", "fr, en, " + "x".repeat(300))
                .post("/people/me");
    }

    private static RequestSpecification as(String language) {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }
}
