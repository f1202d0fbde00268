package io.relais.web.people;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * profile-service accepts only BCP 47 tags of a known language on a profile ("Français" is refused): the form offers
 * the languages as checkboxes named in the reader's language that send tags, the person's own first and ticked; what
 * profile-service still refuses (a value written before the rule) is said next to it, in the reader's language.
 * Before, one free-text input "Languages, separated by commas", which showed a profile's languages as an empty field
 * (the answer's tags read as objects) and let "Français" through to a generic "This value was refused".
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class LanguageChoicesTest {

    static final String REFUSAL = """
            {"type":"urn:relais:problem:invalid","title":"Invalid request","status":400,"detail":"1 field is invalid",
             "errors":[{"field":"languages[1]","message":"must be a BCP 47 language tag of a known language, such as fr, en or pt-BR (Français names no known language)"}]}""";

    @BeforeEach
    void aliceSpeaksFrenchAndBrazilianPortuguese() {
        SERVICES.reset();
        SERVICES.on("GET /api/people/alice", 200, """
                {"login":"alice","displayName":"Alice Dubois","skills":[],"languages":["fr","pt-BR"]}""");
    }

    @Test
    void theLanguagesAreChoicesNamedInTheReadersLanguageThatSendTags() {
        String en = as("en").get("/people/me/edit").then().statusCode(200).extract().asString();

        assertThat(en).contains("<legend>Languages you speak</legend>")
                .containsPattern("<input type=\"checkbox\" name=\"languages\" value=\"fr\" checked id=\"languages\"> French</label>")
                .containsPattern("value=\"pt-BR\" checked> Portuguese \\(Brazil\\)</label>")
                .containsPattern("<input type=\"checkbox\" name=\"languages\" value=\"de\"> German</label>")
                .doesNotContain("<input id=\"languages\" name=\"languages\" value=", "value=\"fr\"> French");
        assertThat(en.indexOf("> German</label>")).as("sorted by name").isLessThan(en.indexOf("> Japanese</label>"));

        String fr = as("fr").get("/people/me/edit").then().statusCode(200).extract().asString();
        assertThat(fr).contains("<legend>Langues parlées</legend>", "value=\"fr\" checked id=\"languages\"> Français</label>",
                "value=\"de\"> Allemand</label>", "<summary>Autres langues</summary>");
    }

    @Test
    void aProfileNamesItsLanguagesInTheReadersLanguage() {
        assertThat(as("en").get("/people/alice").then().statusCode(200).extract().asString())
                .contains("<p class=\"meta\" hx-disable id=\"languages-spoken\">French, Portuguese (Brazil)</p>");
        assertThat(as("fr").get("/people/alice").asString())
                .contains("<p class=\"meta\" hx-disable id=\"languages-spoken\">Français, Portugais (Brésil)</p>");
    }

    @Test
    void theTickedLanguagesGoToProfileServiceAsTags() {
        SERVICES.on("PATCH /api/people/me", 200, "{}").on("PUT /api/people/me", 200, "{}");

        save("en", "fr", "de").then().statusCode(303);

        assertThat(SERVICES.calls()).anyMatch(c -> c.line().endsWith(" /api/people/me")
                && c.body().replace(" ", "").contains("\"languages\":[\"fr\",\"de\"]"));
    }

    @Test
    void aValueProfileServiceRefusesIsMarkedAndExplainedInTheReadersLanguage() {
        SERVICES.on("PATCH /api/people/me", 400, REFUSAL).on("PUT /api/people/me", 400, REFUSAL);

        String html = save("fr", "fr", "Français").then().statusCode(422).extract().asString();

        assertThat(html).contains("<p class=\"field-error\" id=\"languages-error\">« Français » n&#39;est pas une langue connue des profils",
                        "<fieldset class=\"field languages-field\" id=\"languages-field\" aria-describedby=\"languages-error\">")
                .containsPattern("value=\"Français\" checked aria-invalid=\"true\"> Français</label>")
                .containsPattern("value=\"fr\" checked id=\"languages\" aria-describedby=\"languages-error\" autofocus aria-invalid=\"true\"> Français</label>")
                .doesNotContain("This value was refused", "Cette valeur a été refusée");
    }

    private static io.restassured.response.Response save(String language, String... tags) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(as(language).get("/people/me/edit").asString());
        assertThat(m.find()).isTrue();
        RequestSpecification form = as(language).header("Sec-Fetch-Site", "same-origin").multiPart("_csrf", m.group(1))
                .multiPart("bio", "").multiPart("phone", "").multiPart("location", "").multiPart("skills", "");
        for (String tag : tags) {
            form = form.multiPart(new io.restassured.builder.MultiPartSpecBuilder(tag).controlName("languages").charset("UTF-8").build());
        }
        return form.post("/people/me");
    }

    private static RequestSpecification as(String language) {
        return given().header("X-Test-Login", "alice").header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }
}
