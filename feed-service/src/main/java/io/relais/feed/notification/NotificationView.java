package io.relais.feed.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.relais.feed.profile.PersonSummary;

import java.time.Instant;
import java.util.List;

/** A notification as the API shows it: who did what, on what, when, and whether I have read it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(String id, String kind, PersonSummary actor, String object, String post,
                               String community, String detail, Instant at, boolean read) {

    public record Page(List<NotificationView> items, String next, long unread) {
    }

    public record UnreadCount(long unread) {
    }

    public record Mute(String kind, String id) {
    }

    public record Mutes(List<Mute> mutes) {
    }
}
