package io.relais.web.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateExtension;

/**
 * Which decision buttons a queue item shows: exactly feed-service's {@code actions} for it ({@code hide} or
 * {@code restore}, {@code remove}), the decisions its reader may take as {@code POST /api/moderation/actions} would
 * accept them (none on what they wrote; no restore of what the organisation hid unless they are a community manager or
 * an admin). An item without {@code actions} offers none: the page never guesses a decision the service may refuse.
 */
public final class OfferedDecisions {

    private OfferedDecisions() {
    }

    /** {@code {offered:decision(i, 'hide')}}: whether the item's {@code actions} list that decision. */
    @TemplateExtension(namespace = "offered")
    static boolean decision(JsonNode item, String action) {
        if (item == null) return false;
        for (JsonNode offered : item.path("actions")) {
            if (offered.asText().equals(action)) return true;
        }
        return false;
    }

    /** {@code {offered:any(i)}}: whether the item offers any decision at all (else no decision form is shown). */
    @TemplateExtension(namespace = "offered")
    static boolean any(JsonNode item) {
        return item != null && item.path("actions").isArray() && !item.path("actions").isEmpty();
    }
}
