package io.relais.web.moderation;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.relais.web.layout.Pages;

/** Moderation's words in the reader's language. */
final class ModerationWords {

    private ModerationWords() {
    }

    /** {@link ModerationMsg} in the reader's language (an injected bundle speaks English only). */
    static ModerationMsg of(Pages pages) {
        return MessageBundles.get(ModerationMsg.class, Localized.Literal.of(pages.locale().getLanguage()));
    }
}
