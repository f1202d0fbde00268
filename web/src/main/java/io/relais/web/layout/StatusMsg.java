package io.relais.web.layout;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the status region ({@code #flash}) says after a follow, an unfollow, a join or hiding the welcome panel, and the
 * follow buttons' accessible names ({@code st:} in templates), in English; French in {@code messages/st_fr.properties}.
 * A bundle of its own because {@code Msg} is at the size past which Quarkus splits a bundle's generated code.
 */
@MessageBundle("st")
public interface StatusMsg {
    @Message("You follow {what}.") String followed(String what);
    @Message("You no longer follow {what}.") String unfollowed(String what);
    @Message("Follow {what}") String followWhat(String what);
    @Message("You joined {what}.") String joined(String what);
    @Message("Member ✓") String memberState();
    @Message("The welcome panel is hidden.") String welcomeHidden();
}
