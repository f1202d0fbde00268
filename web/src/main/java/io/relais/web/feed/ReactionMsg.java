package io.relais.web.feed;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the status region ({@code #flash}) says after a reaction ({@code rx:} in templates), in English; French in
 * {@code messages/rx_fr.properties}. A bundle of its own because {@code Msg} is at the size past which Quarkus splits a
 * bundle's generated code, which then fails to verify.
 */
@MessageBundle("rx")
public interface ReactionMsg {
    @Message("Your reaction: {reaction}.") String reacted(String reaction);
    @Message("Your reaction is taken back.") String takenBack();
}
