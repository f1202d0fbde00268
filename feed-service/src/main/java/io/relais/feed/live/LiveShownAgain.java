package io.relais.feed.live;

import io.relais.feed.notification.NotificationView;

import java.util.List;

/**
 * The data of a {@code notifications-shown-again} event on my live stream: notifications back in my list after they
 * had left it (a moderator restored the post or comment they are about). Each keeps its id and time, so a list open on the page inserts it at its place, newest first by
 * ({@code at}, {@code id}) as {@code GET /api/notifications} orders them.
 *
 * @param notifications the notifications as {@code GET /api/notifications} lists them (with the context I may see)
 * @param unread        my unread count once they were shown again (what {@code GET /api/notifications/unread-count} answers)
 */
public record LiveShownAgain(List<NotificationView> notifications, long unread) {
}
