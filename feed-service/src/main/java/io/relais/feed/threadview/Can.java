package io.relais.feed.threadview;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the reader may do to a post or comment, computed from the rules feed-service enforces
 * ({@link io.relais.feed.thread.ThreadAccess#mayEdit}, {@link io.relais.feed.thread.ThreadAccess#mayModerate},
 * {@link io.relais.feed.thread.ThreadAccess#moderates}), so a page offers exactly what the service accepts. Only the
 * thread answer ({@code GET /api/posts/{id}}) and the answers to writing a comment carry it; feed pages do not.
 *
 * @param edit     change the text: the author only (never a business-event card)
 * @param delete   remove it: the author, the community's owners and moderators, community managers, admins
 * @param moderate hide, restore or remove it as a moderation decision ({@code POST /api/moderation/decisions}):
 *                 the community's owners and moderators, community managers, admins
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Can(boolean edit, boolean delete, boolean moderate) {
}
