package io.relais.feed.threadview;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the reader may do to a post or comment, computed from the rules feed-service enforces
 * ({@link io.relais.feed.thread.ThreadAccess#mayEdit}, {@link io.relais.feed.thread.ThreadAccess#mayModerate},
 * {@link io.relais.feed.thread.ThreadAccess#moderates}, {@link io.relais.feed.thread.ThreadAccess#requireWritable}), so a
 * page offers exactly what the service accepts. Only the thread answer ({@code GET /api/posts/{id}}) and the answers to
 * writing a comment carry it; feed pages do not (their {@code community.archived} says whether a thread is read-only).
 *
 * @param edit     change the text: the author only (never a business-event card), and never in an archived community
 * @param delete   remove it: the author, the community's owners and moderators, community managers, admins (archived
 *                 or not)
 * @param moderate hide, restore or remove it as a moderation decision ({@code POST /api/moderation/actions}): the
 *                 community's owners and moderators, community managers, admins, never on what they wrote themselves
 *                 ({@code ModeratedItems#refusal}, 403); archived or not. Which decisions exactly (a restore of what the
 *                 organisation hid is only community managers' and admins') is the moderation queue's {@code actions}
 * @param comment  on a post, comment on it; on a comment, reply to it: false in an archived community (409)
 * @param react    give, change or take back a reaction: false in an archived community (409)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Can(boolean edit, boolean delete, boolean moderate, boolean comment, boolean react) {

    /**
     * What a reader may do, given the rules' answers: in an archived community ({@code writable} false) what writes
     * to a thread (an edit, a comment or reply, a reaction) is refused, while deletes and moderation stay.
     */
    static Can of(boolean author, boolean editable, boolean removes, boolean moderates, boolean writable) {
        return new Can(editable && writable, removes, moderates && !author, writable, writable);
    }
}
