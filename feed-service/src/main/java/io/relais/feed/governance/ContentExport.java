package io.relais.feed.governance;

import io.relais.events.Iri;
import io.relais.feed.community.MembershipService;
import io.relais.feed.follow.FollowService;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ReactionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a person wrote and did in feed-service, for their data export (issue 15): posts and comments (with the
 * Markdown they typed and the HTML shown), reactions, memberships and follows. Deleted posts and comments are not
 * exported (nothing of them is kept). Hidden ones are: they are still the author's.
 */
@ApplicationScoped
public class ContentExport {

    @Inject
    PostStore posts;

    @Inject
    CommentStore comments;

    @Inject
    ReactionStore reactions;

    @Inject
    MembershipService memberships;

    @Inject
    FollowService follows;

    /** The export document ({@code content.json} in the archive). */
    public record Content(String person, Instant exportedAt, List<PostEntry> posts, List<CommentEntry> comments,
                          List<ReactionEntry> reactions, List<MembershipEntry> memberships, List<String> follows) {
    }

    /**
     * One post.
     *
     * @param source  the Markdown as typed (null for posts older than source keeping)
     * @param content the sanitised HTML readers saw
     */
    public record PostEntry(String id, String type, Instant created, Instant edited, String community, List<String> to,
                            String source, String content, List<String> hashtags, List<String> mentions,
                            List<AttachmentEntry> attachments, boolean hidden) {
    }

    /** One attached file, by name and link (the bytes are downloadable at {@code url} while the post exists). */
    public record AttachmentEntry(String name, String mediaType, long size, String url) {
    }

    public record CommentEntry(String id, String post, String inReplyTo, Instant created, Instant edited, String source,
                               String content, boolean hidden) {
    }

    /** A reaction: {@code object} is the post or comment IRI, {@code kind} like|celebrate|insightful|support. */
    public record ReactionEntry(String object, String kind, Instant at) {
    }

    /** A community membership: the community IRI and the role (member, moderator, owner). */
    public record MembershipEntry(String community, String role) {
    }

    /** The export of one person (by login, already authorised by the caller). */
    public Content of(String login) {
        String person = Iri.person(login);
        List<PostEntry> postEntries = posts.writtenBy(person).stream()
                .filter(p -> !p.isCard())
                .sorted(Comparator.comparing(Post::created))
                .map(p -> new PostEntry(p.iri(), p.type(), p.created(), p.edited(), p.community(), p.to(), p.source(), p.content(),
                        p.hashtags(), p.mentions(), p.attachments().stream()
                        .map(a -> new AttachmentEntry(a.name(), a.mediaType(), a.size(), a.url())).toList(),
                        p.moderation() != null && p.moderation().isHidden()))
                .toList();
        List<CommentEntry> commentEntries = comments.writtenBy(person).stream()
                .sorted(Comparator.comparing(Comment::created))
                .map(c -> new CommentEntry(c.iri(), c.post(), c.inReplyTo(), c.created(), c.edited(), c.source(), c.content(),
                        c.moderation() != null && c.moderation().isHidden()))
                .toList();
        List<ReactionEntry> reactionEntries = reactions.byPerson(person).entrySet().stream()
                .map(e -> new ReactionEntry(e.getKey(), e.getValue().kind(), e.getValue().at()))
                .sorted(Comparator.comparing(ReactionEntry::object))
                .toList();
        List<MembershipEntry> membershipEntries = memberships.rolesOf(person).entrySet().stream()
                .map(e -> new MembershipEntry(e.getKey(), e.getValue().wire()))
                .sorted(Comparator.comparing(MembershipEntry::community))
                .toList();
        List<String> followed = follows.followedBy(person).stream().sorted().toList();
        return new Content(person, Instant.now(), postEntries, commentEntries, reactionEntries, membershipEntries, followed);
    }
}
