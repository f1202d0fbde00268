package io.relais.feed.comment;

import io.relais.events.TextHygiene;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the comment API. */
public final class CommentRequests {

    private CommentRequests() {
    }

    /** @param inReplyTo absent: a comment on the post; a comment id or IRI: a reply to that comment */
    @Schema(example = "{\"content\":\"<p>Bravo @alice, on en reparle jeudi ? #atlas</p>\",\"inReplyTo\":null}")
    public record AddComment(@NotBlank String content, String inReplyTo) {

        /** Input hygiene ({@link TextHygiene}) runs before validation: NUL, bidi and zero-width characters go. */
        public AddComment {
            content = TextHygiene.text(content);
            inReplyTo = TextHygiene.line(inReplyTo);
        }
    }

    @Schema(example = "{\"content\":\"<p>Bravo @alice !</p>\"}")
    public record EditComment(@NotBlank String content) {

        public EditComment {
            content = TextHygiene.text(content);
        }
    }
}
