package io.relais.feed.notification;

import io.relais.events.Iri;
import io.relais.events.TextHygiene;
import io.relais.events.Viewer;
import io.relais.feed.community.Community;
import io.relais.feed.community.CommunityStore;
import io.relais.feed.community.MembershipService;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ThreadAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stored notifications to API shapes, with the actors' display data and their context (excerpt, community name,
 * sending system) — a few keyed reads for a whole page: actors, root posts, comments, communities. The context is
 * given only for what the reader may see now, under the same rules as the thread ({@link ThreadAccess#visible}, a
 * comment moderation hides from them, a deleted one) and the community directory ({@link Community#visibleTo}).
 */
@ApplicationScoped
public class NotificationViews {

    @Inject
    ProfileDirectory profiles;

    @Inject
    PostStore posts;

    @Inject
    CommentStore comments;

    @Inject
    CommunityStore communities;

    @Inject
    MembershipService memberships;

    /** A page of one reader's notifications, each with the context that reader may see. */
    public List<NotificationView> of(List<Notification> notifications, Viewer viewer) {
        Set<String> actors = new LinkedHashSet<>();
        Set<String> roots = new LinkedHashSet<>();
        List<String> commentIris = new ArrayList<>();
        Set<String> communityIris = new LinkedHashSet<>();
        for (Notification n : notifications) {
            if (!NotificationPlanner.isModerationNotice(n)) actors.add(n.actor());
            if (n.post() != null) roots.add(n.post());
            if (n.object() != null && Iri.isValid(n.object()) && Iri.isKind(n.object(), Iri.COMMENT)) commentIris.add(n.object());
            if (n.community() != null) communityIris.add(n.community());
        }
        Map<String, PersonSummary> display = profiles.displaysOf(actors);
        Map<String, Post> visiblePosts = new HashMap<>();
        posts.findAll(roots).forEach((iri, p) -> {
            if (ThreadAccess.visible(p, viewer)) visiblePosts.put(iri, p);
        });
        Map<String, Comment> visibleComments = new HashMap<>();
        for (Comment c : comments.load(commentIris.stream().distinct().toList())) {
            if (!c.deleted() && !c.hiddenFrom(viewer.person()) && visiblePosts.containsKey(c.post())) visibleComments.put(c.iri(), c);
        }
        Map<String, String> communityNames = new HashMap<>();
        for (Community c : communities.findAll(communityIris)) {
            if (c.visibleTo(viewer)) communityNames.put(c.iri(), c.name());
        }
        List<NotificationView> out = new ArrayList<>();
        for (Notification n : notifications) {
            PersonSummary actor;
            if (NotificationPlanner.isModerationNotice(n)) {
                // never the moderator, also for notices stored before that rule: the community (named when the reader
                // may see it) or the organisation's moderation
                String voice = NotificationPlanner.moderationVoice(n.community());
                actor = new PersonSummary(voice, null, communityNames.get(voice), null, null);
            } else {
                actor = display.get(n.actor()) != null ? display.get(n.actor()) : profiles.displayOf(n.actor());
            }
            Post root = n.post() == null ? null : visiblePosts.get(n.post());
            Comment comment = n.object() == null ? null : visibleComments.get(n.object());
            String excerpt = null;
            String sender = null;
            Map<String, String> title = null;
            if (comment != null) {
                excerpt = Excerpts.of(comment.content());
            } else if (root != null && root.isCard()) {
                sender = root.card().systemName() != null ? root.card().systemName() : root.card().system();
                title = titles(root.card().title());
            } else if (root != null) {
                excerpt = Excerpts.of(root.content());
            }
            out.add(new NotificationView(n.id(), n.kind(), actor,
                    n.object(), n.post(), n.community(), n.detail(), Instant.ofEpochMilli(n.time()), n.read(),
                    excerpt == null || excerpt.isEmpty() ? null : excerpt, communityNames.get(n.community()), sender, title));
        }
        return out;
    }

    /** Notifications of one recipient (the live push), each with the context they may see; none gives none. */
    public List<NotificationView> ofRecipient(String recipient, List<Notification> notifications) {
        return notifications.isEmpty() ? List.of() : of(notifications, memberships.viewerOf(recipient));
    }

    /** One notification for its recipient (the live push), with the context they may see. */
    public NotificationView of(Notification n) {
        return of(List.of(n), memberships.viewerOf(n.recipient())).get(0);
    }

    /** A card's title by language as plain one-line text, each cut like an excerpt; null when it has none. */
    private static Map<String, String> titles(Map<String, String> byLanguage) {
        if (byLanguage == null || byLanguage.isEmpty()) return null;
        Map<String, String> out = new LinkedHashMap<>();
        byLanguage.forEach((lang, text) -> {
            String line = text == null ? "" : Excerpts.cut(TextHygiene.line(text), Excerpts.MAX);
            if (!line.isBlank()) out.put(lang, line);
        });
        return out.isEmpty() ? null : out;
    }
}
