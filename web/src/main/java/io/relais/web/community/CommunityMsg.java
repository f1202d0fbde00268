package io.relais.web.community;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * A community page's words for someone outside it ({@code com:} in templates): an invitee's notice and the member
 * list kept for members; and its moderators' list of pending invitations and its settings' undo of an archive; what an
 * archived (read-only) community's page and threads say instead of the controls feed-service refuses there; and a
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
    @Message("Members can post, comment, react and join again, and its settings, pins and roles can change again.") String unarchiveExplained();
    @Message("Unarchive") String unarchive();
    /** A notification's community that feed-service left out: a secret one the reader may no longer know exists. */
    @Message("a community you no longer see") String unseenCommunity();
    /** The last owner leaving an archived community: its roles are frozen, so making someone else owner waits too. */
    @Message("You are the last owner of this archived community, so you cannot leave it yet: unarchive it first, then make someone else owner in Members.") String archivedLastOwner();
    @Message("This community is archived: it is read-only. Nobody can post, comment, react or join, and its settings, pins, roles and join requests wait until it is unarchived.") String archivedReadOnly();
    @Message("Join requests wait until the community is unarchived.") String archivedRequestsWait();
    @Message("This community is archived: its threads take no new comment or reaction.") String archivedThread();
    @Message("This community was archived meanwhile: its settings cannot change until it is unarchived. Nothing was saved.") String archivedSettingsRefused();
    /**
     * A join request sent again too soon (feed-service's 429: one request per person and community every 24 hours, after
     * a withdrawal or a refusal); {@code hours} from its {@code Retry-After}, rounded up.
     */
    @Message("You asked to join this community less than a day ago. You can ask again in about {hours} h.") String askAgainIn(long hours);
}
