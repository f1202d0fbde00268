package io.relais.web.live;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the page's live script says on its own ({@code live:} in templates, handed to the script as {@code data-msg-*}
 * attributes of the page's body, so the script never holds text of its own). French in
 * {@code messages/live_fr.properties}. A bundle of its own because {@link io.relais.web.layout.Msg} is at the size past
 * which Quarkus splits a bundle's generated code, which then fails to verify.
 */
@MessageBundle("live")
public interface LiveMsg {
    /** In place of a post or card on the page once feed-service says it was deleted or hidden ({@code feed-item-removed}). */
    @Message("This post was deleted or hidden.") String removed();
}
