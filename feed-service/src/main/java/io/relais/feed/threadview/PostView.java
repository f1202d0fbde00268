package io.relais.feed.threadview;

import io.relais.feed.profile.PersonSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A post (or a business-event card) as the API shows it, hydrated for one viewer.
 *
 * @param content     sanitised HTML, safe to render
 * @param source      the author's text (Markdown) exactly as typed, for an edit form; null for cards and
 *                    for posts written before Markdown
 * @param kind        {@code post}, {@code card} (business event) or {@code announcement}
 * @param community   the community it was posted in, null for organisation-wide or personal audiences
 * @param reactions   count per reaction kind (like, celebrate, insightful, support)
 * @param myReaction  the viewer's own reaction kind, null when none
 * @param firstComments the first comments of the thread (at most 2)
 * @param pinned      pinned by an owner in its community
 * @param expires     announcements only: when it stops being pinned on home feeds
 * @param hidden      only for its author, when moderation hid it: the reason and when; null otherwise
 * @param can         what the reader may do to it (see {@link Can}); only in the thread answer, null elsewhere
 * @param preview     the page its first link points to ({url, title, site}, plain text), fetched after it was
 *                    written; null when it has none (yet)
 */
public record PostView(String id, String type, String kind, PersonSummary author, String content, String source,
                       List<String> audience, CommunityRef community, List<String> mentions, List<String> hashtags,
                       List<AttachmentRef> attachments, Card card, Map<String, Long> reactions, String myReaction,
                       long commentCount, List<CommentView> firstComments, boolean pinned, Instant expires,
                       Instant created, Instant edited, Hidden hidden, Can can,
                       io.relais.feed.linkpreview.LinkPreview preview) {

    /** The same post with what this reader may do to it. */
    public PostView with(Can can) {
        return new PostView(id, type, kind, author, content, source, audience, community, mentions, hashtags, attachments,
                card, reactions, myReaction, commentCount, firstComments, pinned, expires, created, edited, hidden, can, preview);
    }

    /**
     * Shown to the author of a post or comment moderation hid (nobody else gets it): why, and since when.
     *
     * @param reason the moderator's reason, or the keyword rule that held it
     * @param at     when it was hidden
     */
    public record Hidden(String reason, Instant at) {

        /** The notice for this viewer: only the author of a hidden item gets one. */
        public static Hidden of(io.relais.feed.thread.ModerationMark mark, String author, String viewer) {
            return mark != null && mark.isHidden() && author != null && author.equals(viewer) ? new Hidden(mark.reason(), mark.at()) : null;
        }
    }

    /** Engagement used by rankings: all reactions plus comments. */
    public long engagement() {
        return commentCount + reactions.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The community a post was written in. {@code archived}: it is read-only, so nobody comments, edits or reacts
     * there (409), which is how a feed card, which carries no {@link Can}, knows not to offer those.
     */
    public record CommunityRef(String iri, String slug, String name, boolean archived) {
    }

    public record AttachmentRef(String id, String name, String mediaType, long size, String url) {
    }

    /**
     * A business event from connector-service: source system, type, bilingual title and summary, the link to it in its
     * system, its raw data, and the links it carries ({@code attachments}: each an http(s) {@code url}, a plain-text
     * {@code name} and a {@code mediaType} when given, {@code type} Image or Document; empty when none).
     */
    public record Card(String source, String system, String systemName, String eventType, Map<String, String> title,
                       Map<String, String> summary, String url, Map<String, Object> data,
                       List<io.relais.feed.thread.Post.Card.Attachment> attachments) {
    }
}
