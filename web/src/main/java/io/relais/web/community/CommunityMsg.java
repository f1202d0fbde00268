package io.relais.web.community;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * A community page's words for someone outside it ({@code com:} in templates): an invitee's notice and the member
 * list kept for members; and its moderators' list of pending invitations and its settings' undo of an archive; and a
 * notification's words for a community the reader no longer sees ({@code notification/item.html}). French
 * in {@code messages/com_fr.properties}. A bundle of its own because {@link io.relais.web.layout.Msg} is at the size
 * past which Quarkus splits a bundle's generated code, which then fails to verify.
 */
@MessageBundle("com")
public interface CommunityMsg {
    @Message("{inviter} invited you to this secret community. Accept to see its posts.") String invitedToSecretBy(String inviter);
    @Message("You are invited to this secret community. Accept to see its posts.") String invitedToSecret();
    @Message("{inviter} invited you to this private community. Accept to see its posts.") String invitedToPrivateBy(String inviter);
    @Message("You are invited to this private community. Accept to see its posts.") String invitedToPrivate();
    @Message("Only members can see who is in it.") String membersOnly();
    @Message("This community is private. You will see its posts once a moderator accepts your request.") String pendingNotice();
    @Message("Pending invitations") String pendingInvitations();
    @Message("Withdraw") String withdrawInvitation();
    @Message("Unarchive this community") String unarchiveTitle();
    @Message("Members can post, comment, react and join again.") String unarchiveExplained();
    @Message("Unarchive") String unarchive();
    /** A notification's community that feed-service left out: a secret one the reader may no longer know exists. */
    @Message("a community you no longer see") String unseenCommunity();
}
