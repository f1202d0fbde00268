package io.relais.feed.moderation;

import io.relais.feed.profile.PersonSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One reported, held or hidden post, business card or comment in a moderation queue.
 *
 * @param object        the post, card or comment IRI
 * @param kind          {@code post}, {@code card} or {@code comment}
 * @param post          the thread's root post IRI (where a moderator reads it in context)
 * @param community     the community it was written in; null when organisation-wide
 * @param author        who wrote it (a card: the person it names, or the system that sent it)
 * @param excerpt       the beginning of what readers see (at most 280 characters), plain text, never markup: escape it
 *                      when rendering
 * @param state         {@code visible} or {@code hidden}
 * @param held          the keyword rule's term when a rule held it, else null
 * @param reports       open reports on it
 * @param reasons       open reports per reason ({@code spam}, {@code harassment}, {@code off-topic}, {@code confidential}, {@code other})
 * @param comments      the newest reporters' comments (at most 10), without their names
 * @param firstReported when it entered the queue (hidden without a report: when it was hidden)
 * @param lastReported  the newest report (the open queue's order, newest first; hidden without a report: when it was hidden)
 * @param hiddenReason  while it is hidden, the moderator's reason (or the hold's), else null
 * @param hiddenBy      while it is hidden, the moderator who hid it; null otherwise or when a keyword rule held it
 * @param hiddenAt      while it is hidden, when it was hidden (the hidden queue's order, newest first), else null
 * @param actions       the decisions the queue's reader may take on it now ({@code hide} or {@code restore}, {@code remove}),
 *                      as {@code POST /api/moderation/actions} would accept them: none on what they wrote, no
 *                      {@code restore} of what the organisation hid unless they are a community manager or an admin
 */
public record QueueItem(String object, String kind, String post, CommunityRef community, PersonSummary author, String excerpt,
                        String state, String held, long reports, Map<String, Long> reasons, List<String> comments,
                        Instant firstReported, Instant lastReported, String hiddenReason, PersonSummary hiddenBy,
                        Instant hiddenAt, List<ModerationAction> actions) {

    /** A community as a queue names it. */
    public record CommunityRef(String iri, String slug, String name) {
    }
}
