package io.relais.feed.moderation;

import io.relais.events.Iri;
import io.relais.events.TextHygiene;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Request bodies of the report and moderation API. */
public final class ModerationRequests {

    /** At most this many characters in a reporter's comment or a moderator's reason. */
    public static final int MAX_TEXT = 500;

    /**
     * What may be reported or moderated: a post or comment written here (its local id is a UUID), a business card
     * ({@code urn:relais:event:…}, {@code urn:relais:document:<source>.<system>:…}) or a connector's own object
     * ({@code urn:relais:external:<source>:<id>}). Anything else is refused naming the field, before any lookup.
     */
    static final String OBJECT_IRI = "urn:relais:(?:(?:post|comment):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + ")|" + Iri.BUSINESS_CARD_PATTERN;
    static final String OBJECT_RULE = "must be the IRI of a post or comment (urn:relais:post:<uuid>, urn:relais:comment:<uuid>) "
            + "or of a business card";

    private ModerationRequests() {
    }

    /**
     * A report.
     *
     * @param object  the IRI of a post ({@code urn:relais:post:…}) or comment ({@code urn:relais:comment:…}) you can see
     * @param reason  spam, harassment, off-topic, confidential or other
     * @param comment optional words for the moderators, at most 500 characters
     */
    @Schema(example = "{\"object\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\",\"reason\":\"off-topic\","
            + "\"comment\":\"Annonce commerciale sans rapport avec la communauté\"}")
    public record NewReport(@NotBlank @Pattern(regexp = OBJECT_IRI, message = OBJECT_RULE) String object, @NotNull ReportReason reason,
                            @Size(max = MAX_TEXT, message = "must be at most 500 characters") String comment) {

        public NewReport {
            object = TextHygiene.line(object);
            comment = comment == null || comment.isBlank() ? null : TextHygiene.text(comment).strip();
        }
    }

    /**
     * A moderation decision.
     *
     * @param object the post or comment IRI
     * @param action hide, restore or remove
     * @param reason shown to the author in their notification, at most 500 characters
     */
    @Schema(example = "{\"object\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\",\"action\":\"hide\","
            + "\"reason\":\"Démarchage commercial : merci d'utiliser la communauté Petites annonces\"}")
    public record Decision(@NotBlank @Pattern(regexp = OBJECT_IRI, message = OBJECT_RULE) String object, @NotNull ModerationAction action,
                           @NotBlank @Size(max = MAX_TEXT, message = "must be at most 500 characters") String reason) {

        public Decision {
            object = TextHygiene.line(object);
            reason = reason == null ? null : TextHygiene.text(reason).strip();
        }
    }

    /** The organisation's keyword rules, replaced as a whole. */
    @Schema(example = "{\"rules\":[{\"term\":\"confidentiel défense\",\"mode\":\"block\"},{\"term\":\"crypto\",\"mode\":\"hold\"}]}")
    public record Rules(@NotNull @Size(max = 200, message = "must hold at most 200 rules") List<@Valid @NotNull Rule> rules) {
    }

    /**
     * One keyword rule.
     *
     * @param term a word or phrase (2 to 100 characters), matched case- and accent-insensitively on word boundaries
     * @param mode {@code block} (refused with 422) or {@code hold} (accepted, hidden until a moderator restores it)
     */
    public record Rule(@NotBlank @Size(min = 2, max = 100, message = "must be 2 to 100 characters") String term,
                       @NotNull @Pattern(regexp = "block|hold", message = "must be block or hold") String mode) {

        public Rule {
            term = term == null ? null : TextHygiene.line(term).strip();
        }
    }
}
