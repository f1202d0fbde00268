package io.relais.feed.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.relais.feed.profile.PersonSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A notification as the API shows it: who did what, on what, when, and whether I have read it; with the context a
 * reader needs to understand it, each only when the reader may see it today (left out otherwise).
 *
 * @param community     the community it happened in (for an invitation, a join request, an approval: the one it is
 *                      about, also its {@code object}); absent, with any {@code object} or {@code post} that is its IRI,
 *                      when the reader may not know it exists (a secret one they left), since its IRI carries its slug
 * @param excerpt       plain text of the comment or post it is about (at most 140 characters, cut on a word; never
 *                      markup, see {@link Excerpts}); for a business-event card, absent (see {@code title})
 * @param communityName the name of {@code community}
 * @param sender        for a business-event card: the display name of the system that published it
 * @param title         for a business-event card: its title by language ({@code en}, {@code fr}), plain text
 * @param available     whether the reader may still open what it is about: false when it names a post, card or
 *                      comment they may no longer see (deleted, hidden from them by moderation, in a community they
 *                      left) or a community they may no longer know exists; a client then offers no link to it (the
 *                      post's page would answer 404) and says it is no longer available. Always present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(String id, String kind, PersonSummary actor, String object, String post,
                               String community, String detail, Instant at, boolean read, String excerpt,
                               String communityName, String sender, Map<String, String> title,
                               boolean available) {

    public record Page(List<NotificationView> items, String next, long unread) {
    }

    public record UnreadCount(long unread) {
    }

    public record Mute(String kind, String id) {
    }

    public record Mutes(List<Mute> mutes) {
    }
}
