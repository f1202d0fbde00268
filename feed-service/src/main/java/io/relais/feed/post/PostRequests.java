package io.relais.feed.post;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.relais.events.TextHygiene;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.util.List;

/** Request bodies of the post API. */
public final class PostRequests {

    private PostRequests() {
    }

    /**
     * @param content     a small HTML subset (p, br, strong, em, u, s, ul, ol, li, blockquote, code, pre, a);
     *                    anything else is removed; {@code @login} mentions and {@code #tags} are extracted
     * @param audience    absent: the whole organisation; {@code {"community": "<slug>"}}: that community. Given, it
     *                    must name a community: {@code null}, {@code {}} or {@code {"community": null}} is a 400, never
     *                    a post to the whole organisation (docs/SECURITY.md §4)
     * @param attachments ids returned by {@code POST /api/attachments}
     */
    @Schema(example = "{\"content\":\"<p>Retour sur la démo de vendredi : merci @bob ! #atlas</p>\","
            + "\"audience\":{\"community\":\"projet-atlas\"},\"attachments\":[]}")
    public record CreatePost(@NotBlank String content,
                             @JsonDeserialize(using = Audience.GivenOrAbsent.class) @Valid Audience audience,
                             List<String> attachments) {

        /** Input hygiene ({@link TextHygiene}) runs before validation: NUL, bidi and zero-width characters go. */
        public CreatePost {
            content = TextHygiene.text(content);
        }
    }

    /**
     * Where a post goes when the body names an audience: one community, always named ({@code {}} would otherwise
     * read as no audience, that is the whole organisation).
     *
     * @param community the community's slug
     */
    public record Audience(
            @NotNull(message = Audience.REQUIRED)
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,48}[a-z0-9]", message = "must be a community slug") String community) {

        /** The rule a missing or null community breaks. */
        public static final String REQUIRED = "is required: leave audience out to post to the whole organisation";

        public Audience {
            community = TextHygiene.line(community);
        }

        /**
         * Reads {@code audience} so that an explicit {@code null} is refused while an absent key stays null (the
         * whole organisation): records get both as null otherwise. The refusal is a Jackson input mismatch, so
         * service-kit's {@code JsonProblems} answers 400 naming {@code audience} as for any other non-object.
         */
        static final class GivenOrAbsent extends StdDeserializer<Audience> {

            GivenOrAbsent() {
                super(Audience.class);
            }

            @Override
            public Audience deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return ctxt.readValue(p, Audience.class); // the mapper's own reading: strict types, unknown fields
            }

            @Override
            public Audience getNullValue(DeserializationContext ctxt) throws JsonMappingException {
                return ctxt.reportInputMismatch(this, "audience is null");
            }

            @Override
            public Object getAbsentValue(DeserializationContext ctxt) {
                return null;
            }
        }
    }

    @Schema(example = "{\"content\":\"<p>Retour sur la démo de vendredi (corrigé) #atlas</p>\"}")
    public record EditPost(@NotBlank String content) {

        public EditPost {
            content = TextHygiene.text(content);
        }
    }

    @Schema(example = "{\"content\":\"<p>Publication du nouveau règlement télétravail</p>\",\"expires\":\"2026-12-31T23:00:00Z\"}")
    public record CreateAnnouncement(@NotBlank String content, java.time.Instant expires,
                                     @Size(max = 4) List<String> attachments) {

        public CreateAnnouncement {
            content = TextHygiene.text(content);
        }
    }
}
