package io.relais.web.feed;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Business-card texts {@link BusinessCards} composes beyond {@code Msg} ({@code cards:} in templates), in English;
 * French in {@code messages/cards_fr.properties}. A bundle of its own because {@code Msg} is at the size past which
 * Quarkus splits a bundle's generated code, which then fails to verify.
 */
@MessageBundle("cards")
public interface CardMsg {
    @Message("Farewell {name}") String leftTitle(String name);
    @Message("New role for {name}") String movedTitle(String name);
    @Message("{name} moves on: {move}.") String movedSummary(String name, String move);
    /** A card's link to its page in its system, when that is no document (a generic Note, a CRM deal). */
    @Message("Open link") String openLink();
    /** An attachment the card carries that has no name. */
    @Message("Open attachment") String openAttachment();
}
