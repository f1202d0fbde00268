package io.relais.web.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.web.layout.Msg;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** feed-service's refusals of a text, as a French or English reader reads them next to the form. */
@QuarkusTest
class WritingProblemsTest {

    @Inject
    ObjectMapper json;

    @Test
    void aTooLongCommentIsSaidInFrenchWithItsLimitNotInTheServicesEnglish() throws Exception {
        String sentence = WritingProblems.sentence(json.readTree("""
                {"type":"validation","status":400,"detail":"content must be at most 5000 characters",
                 "errors":[{"field":"content","message":"must be at most 5000 characters"}]}"""), french());

        assertThat(sentence).isEqualTo("Votre texte est trop long : 5000 caractères au plus.").doesNotContain("must");
    }

    @Test
    void aBlankTextAndOnlyUnsafeMarkupHaveTheirOwnSentences() throws Exception {
        assertThat(WritingProblems.sentence(json.readTree("""
                {"errors":[{"field":"content","message":"must not be blank"}]}"""), english())).isEqualTo("Write something first.");
        assertThat(WritingProblems.sentence(json.readTree("""
                {"errors":[{"field":"content","message":"must contain some text once unsafe markup is removed"}]}"""), english()))
                .startsWith("Nothing would remain");
    }

    @Test
    void anUnknownRuleNamesTheRefusedFieldInTheReadersLanguage() throws Exception {
        assertThat(WritingProblems.sentence(json.readTree("""
                {"errors":[{"field":"attachments","message":"size must be between 0 and 4"}]}"""), french()))
                .isEqualTo("Le service a refusé cette modification. Vérifiez votre saisie (attachments) et réessayez.");
        assertThat(WritingProblems.sentence((com.fasterxml.jackson.databind.JsonNode) null, english())).isEqualTo("The service refused this change. Check what you entered and try again.");
    }

    private static Msg french() {
        return MessageBundles.get(Msg.class, Localized.Literal.of("fr"));
    }

    private static Msg english() {
        return MessageBundles.get(Msg.class, Localized.Literal.of("en"));
    }
}
