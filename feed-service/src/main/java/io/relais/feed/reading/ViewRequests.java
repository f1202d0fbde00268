package io.relais.feed.reading;

import io.relais.events.Iri;
import io.relais.events.TextHygiene;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the reading API. */
public final class ViewRequests {

    /**
     * What may be opened: a post or an announcement written here ({@code urn:relais:post:<uuid>}), a business card
     * ({@code urn:relais:event:…}, {@code urn:relais:document:<source>.<system>:…}) or a connector's own object
     * ({@code urn:relais:external:<source>:<id>}), all kept in the post store. Refused naming the field otherwise.
     */
    static final String OBJECT_IRI = "urn:relais:(?:post:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + ")|" + Iri.BUSINESS_CARD_PATTERN;
    static final String OBJECT_RULE = "must be the IRI of a post or announcement (urn:relais:post:<uuid>) or of a business card";

    private ViewRequests() {
    }

    /**
     * An open: the reader opened this item (its thread, or a card's document).
     *
     * @param object the IRI of a post, announcement or business card the caller can see
     */
    @Schema(example = "{\"object\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\"}")
    public record NewView(@NotBlank @Pattern(regexp = OBJECT_IRI, message = OBJECT_RULE) String object) {

        public NewView {
            object = object == null ? null : TextHygiene.line(object);
        }
    }
}
