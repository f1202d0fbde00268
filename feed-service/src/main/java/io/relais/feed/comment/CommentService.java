package io.relais.feed.comment;

import com.mongodb.client.model.Updates;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Tag;
import io.relais.events.Viewer;
import io.relais.feed.community.MembershipService;
import io.relais.feed.sanitize.InputLimits;
import io.relais.feed.sanitize.TextPipeline;
import io.relais.feed.sanitize.WrittenText;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ThreadAccess;
import io.relais.feed.threadview.CommentView;
import io.relais.feed.threadview.CommentViews;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static io.relais.feed.thread.StoredFields.instant;
import static io.relais.feed.thread.StoredFields.number;
import static io.relais.feed.thread.StoredFields.strings;

/**
 * Comments and replies: adding, editing and deleting them (each change goes to the outbox as Create,
 * Update or Delete). A comment takes the audience of its root post and the next position in its thread
 * (see {@link CommentStore}); who may see or act comes from {@link ThreadAccess}.
 */
@ApplicationScoped
public class CommentService {

    @Inject
    CommentStore comments;

    @Inject
    PostStore postStore;

    @Inject
    ThreadAccess access;

    @Inject
    CommentViews views;

    @Inject
    MembershipService memberships;

    @Inject
    TextPipeline pipeline;

    @Inject
    InputLimits limits;

    @Inject
    Outbox outbox;

    public CommentView add(String postId, CommentRequests.AddComment request, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Document root = access.visiblePost(ThreadAccess.postIri(postId), viewer);
        String rootIri = root.getString("_id");
        String parent = rootIri;
        if (request.inReplyTo() != null && !request.inReplyTo().isBlank()) {
            Document replied = comments.findComment(request.inReplyTo());
            if (replied == null || !rootIri.equals(replied.getString("post")) || replied.getBoolean("deleted", false)) {
                throw ProblemException.invalid("inReplyTo", "must be a comment of this post");
            }
            parent = replied.getString("_id");
        }
        WrittenText text = WrittenText.of(request.content(), limits.commentLength(), limits, pipeline, "content");
        String iri = Iri.comment(EventId.next());
        Document counters = postStore.updateAndGet(rootIri,
                Updates.combine(Updates.inc("commentsAppended", 1), Updates.inc("commentCount", 1)));
        long position = number(counters, "commentsAppended") - 1;
        Instant now = Instant.now();
        Document c = new Document("_id", iri).append("post", rootIri).append("inReplyTo", parent)
                .append("author", me.iri()).append("content", text.html()).append("source", text.source()).append("mentions", text.mentionIris())
                .append("hashtags", text.hashtagIris()).append("to", strings(root, "to"))
                .append("cc", strings(root, "cc")).append("community", root.getString("community"))
                .append("reactions", new Document()).append("position", position).append("created", Date.from(now))
                .append("deleted", false);
        comments.insert(c, rootIri, position);
        outbox.append(Activity.builder().type(As2.CREATE).actor(me.iri()).object(asObject(c))
                .to(strings(c, "to")).cc(strings(c, "cc")).published(now).build());
        return views.views(List.of(c), viewer).get(0);
    }

    public CommentView edit(String postId, String commentId, CommentRequests.EditComment request, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Document c = access.visibleComment(postId, commentId, viewer);
        if (!me.iri().equals(c.getString("author"))) throw ProblemException.forbidden("only the author edits a comment");
        WrittenText text = WrittenText.of(request.content(), limits.commentLength(), limits, pipeline, "content");
        Instant now = Instant.now();
        comments.update(c.getString("_id"), Updates.combine(Updates.set("content", text.html()),
                Updates.set("source", text.source()), Updates.set("mentions", text.mentionIris()), Updates.set("hashtags", text.hashtagIris()),
                Updates.set("edited", Date.from(now))));
        Document after = comments.find(c.getString("_id"));
        outbox.append(Activity.builder().type(As2.UPDATE).actor(me.iri()).object(asObject(after))
                .to(strings(after, "to")).cc(strings(after, "cc")).published(now).build());
        return views.views(List.of(after), viewer).get(0);
    }

    /** The author, the community's owners and moderators, and admins delete a comment. */
    public void delete(String postId, String commentId, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Document c = access.visibleComment(postId, commentId, viewer);
        if (!access.mayModerate(c, me)) throw ProblemException.forbidden("only the author, community moderators or admins delete a comment");
        Instant now = Instant.now();
        // the before-image says whether this call deleted it: two parallel deletes lower the count once
        Document before = comments.updateAndGetBefore(c.getString("_id"), Updates.combine(Updates.set("deleted", true),
                Updates.set("content", ""), Updates.set("source", ""), Updates.set("deletedAt", Date.from(now))));
        if (before == null || before.getBoolean("deleted", false)) return;
        postStore.update(c.getString("post"), Updates.inc("commentCount", -1));
        AsObject tombstone = AsObject.builder().id(c.getString("_id")).type(As2.TOMBSTONE).formerType(As2.NOTE)
                .context(c.getString("post")).deleted(now).build();
        outbox.append(Activity.builder().type(As2.DELETE).actor(me.iri()).object(tombstone)
                .to(strings(c, "to")).cc(strings(c, "cc")).published(now).build());
    }

    static AsObject asObject(Document c) {
        List<Tag> tags = new ArrayList<>();
        strings(c, "mentions").forEach(m -> tags.add(Tag.mention(m, Iri.localId(m))));
        strings(c, "hashtags").forEach(h -> tags.add(Tag.hashtag(Iri.localId(h))));
        return AsObject.builder().id(c.getString("_id")).type(As2.NOTE).attributedTo(c.getString("author"))
                .content(c.getString("content")).inReplyTo(c.getString("inReplyTo")).context(c.getString("post"))
                .tag(tags).to(strings(c, "to")).cc(strings(c, "cc"))
                .published(instant(c, "created")).updated(instant(c, "edited")).build();
    }
}
