package io.relais.feed.post;

import io.relais.events.TextHygiene;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Request bodies of the post API. */
public final class PostRequests {

    private PostRequests() {
    }

    /**
     * @param content     a small HTML subset (p, br, strong, em, u, s, ul, ol, li, blockquote, code, pre, a);
     *                    anything else is removed; {@code @login} mentions and {@code #tags} are extracted
     * @param audience    null or absent: the whole organisation; {@code {"community": "<slug>"}}: that community
     * @param attachments ids returned by {@code POST /api/attachments}
     */
    @Schema(example = "{\"content\":\"<p>Retour sur la démo de vendredi : merci @bob ! #atlas</p>\","
            + "\"audience\":{\"community\":\"projet-atlas\"},\"attachments\":[]}")
    public record CreatePost(@NotBlank String content, @Valid Audience audience, List<String> attachments) {

        /** Input hygiene ({@link TextHygiene}) runs before validation: NUL, bidi and zero-width characters go. */
        public CreatePost {
            content = TextHygiene.text(content);
        }
    }

    public record Audience(
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,48}[a-z0-9]", message = "must be a community slug") String community) {

        public Audience {
            community = TextHygiene.line(community);
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
