package io.relais.web.notification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the notification list says of an item beyond {@code Msg} ({@code notif:} in templates), in English; French in
 * {@code messages/notif_fr.properties}. A bundle of its own because {@code Msg} is at the size past which Quarkus splits
 * a bundle's generated code, which then fails to verify.
 */
@MessageBundle("notif")
public interface NotificationMsg {
    /** A notification about what the reader may no longer open (feed-service's {@code available: false}). */
    @Message("No longer available") String noLongerAvailable();

    /** A declined join request, told to the requester (feed-service's {@code join-declined}); the community follows. */
    @Message("declined your membership request") String nJoinDeclined();
}
