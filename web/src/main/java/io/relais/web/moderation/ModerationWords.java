package io.relais.web.moderation;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.relais.web.layout.Pages;

/** Moderation's words in the reader's language, and the element ids its fragments share. */
final class ModerationWords {

    private ModerationWords() {
    }

    /** {@link ModerationMsg} in the reader's language (an injected bundle speaks English only). */
    static ModerationMsg of(Pages pages) {
        return MessageBundles.get(ModerationMsg.class, Localized.Literal.of(pages.locale().getLanguage()));
    }

    /**
     * A token safe in an element id for a post or comment IRI: its local id when that is a plain token (posts and
     * comments written here), else a hex digest (business cards and connectors' IRIs may hold any character).
     */
    static String domId(String iri) {
        String local = iri.substring(iri.lastIndexOf(':') + 1);
        if (local.matches("[A-Za-z0-9_-]{1,64}")) {
            return local;
        }
        return Integer.toHexString(iri.hashCode());
    }
}
