package io.relais.feed.live;

import java.util.List;

/**
 * The data of a {@code notifications-taken-back} event on my live stream: notifications that left my list (their post
 * or comment was deleted or hidden by a moderator, an edit dropped the mention, the reaction was taken back).
 *
 * @param ids    the ids of the notifications taken back (as {@code GET /api/notifications} listed them)
 * @param unread my unread count once they were taken back (what {@code GET /api/notifications/unread-count} answers)
 */
public record LiveTakenBack(List<String> ids, long unread) {
}
