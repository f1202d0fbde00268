package io.relais.feed.notification;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AudienceRule;
import io.relais.events.Iri;
import io.relais.events.RelaisExtension;
import io.relais.events.Viewer;
import io.relais.feed.community.Community;
import io.relais.feed.community.CommunityStore;
import io.relais.feed.community.JoinRequests;
import io.relais.feed.community.MembershipService;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.timeline.ContentFacts;
import io.relais.feed.timeline.ContentIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is notified of an activity, and of what: the rules in one place, used by the notification
 * consumer (which stores them) and by live push (which sends them to connected people). Never the
 * actor; only someone the audience rule lets see the item; not when they muted its community or thread.
 */
@ApplicationScoped
public class NotificationPlanner {

    public static final String MENTION = "mention";
    public static final String REPLY = "reply";
    public static final String REACTION = "reaction";
    public static final String JOIN_REQUEST = "join-request";
    public static final String INVITATION = "invitation";
    public static final String APPROVAL = "approval";
    /**
     * A manager of a private community turned the recipient's join request down ({@code Reject}); never about a
     * community the recipient may not know exists ({@link Community#visibleTo}: a private one made secret meanwhile).
     */
    public static final String JOIN_DECLINED = "join-declined";
    public static final String BUSINESS_EVENT = "business-event";
    /** Moderation decided about the recipient's post or comment; {@code detail} is the moderator's reason. */
    public static final String HIDDEN = "hidden";
    public static final String RESTORED = "restored";
    public static final String REMOVED = "removed";
    /**
     * Who a moderation notice says decided when the item is organisation-wide: the organisation's moderation, never a
     * person (in a community, the community itself speaks; see {@link #moderationVoice}).
     */
    public static final String ORGANISATION_MODERATION = "urn:relais:source:moderation";

    @Inject
    ContentIndex content;

    @Inject
    MembershipService membership;

    @Inject
    NotificationStore store;

    @Inject
    PostStore posts;

    @Inject
    CommentStore comments;

    /** A person's open join request to a community: only its Offer notifies. */
    @Inject
    JoinRequests joinRequests;

    @Inject
    CommunityStore communities;

    /**
     * The notifications of a batch of activities, in order. The batch is read with a fixed number of
     * keyed reads (the content it refers to, the recipients' memberships and mutes), whatever its size.
     */
    public List<Notification> planAll(List<Activity> activities) {
        Map<String, ContentFacts> facts = new HashMap<>();
        content.rememberAll(activities).forEach(f -> facts.put(f.id(), f));
        Set<String> referred = new LinkedHashSet<>();
        for (Activity a : activities) {
            if (As2.LIKE.equals(a.type()) && a.object() != null) referred.add(a.object().id());
            if (moderationDecision(a).isPresent() && a.object() != null) referred.add(a.object().id());
            ContentFacts f = created(a, facts);
            if (f != null && ContentFacts.COMMENT.equals(f.kind())) {
                referred.add(f.inReplyTo());
                referred.add(f.root());
            }
        }
        referred.remove(null);
        referred.removeAll(facts.keySet());
        facts.putAll(content.findAll(referred));

        List<Candidate> candidates = new ArrayList<>();
        for (Activity a : activities) candidates.addAll(candidates(a, facts));
        return checked(candidates);
    }

    /**
     * Mention notifications for the people an edit newly mentions ({@code gained}), as a Create mentioning
     * them would give, checked the same way. Their id derives from the Update's id, so storing them twice
     * keeps one.
     *
     * @param update the Update activity
     * @param after  the edited content's facts as that Update leaves them
     * @param gained the people to notify (person IRIs)
     * @param actor  who the notifications say mentioned them: the editor, or for a moderator's restore the author
     */
    public List<Notification> mentionsAdded(Activity update, ContentFacts after, Collection<String> gained, String actor) {
        Map<String, Notification> byRecipient = new LinkedHashMap<>();
        long time = update.published() != null ? update.published().toEpochMilli() : after.version();
        String community = after.communities().isEmpty() ? null : after.communities().get(0);
        for (String p : gained) add(byRecipient, p, MENTION, actor, after.id(), after.root(), community, null, update, time);
        List<Candidate> candidates = new ArrayList<>();
        for (Notification n : byRecipient.values()) {
            if (n.recipient().equals(actor) || !Iri.isKind(n.recipient(), Iri.PERSON)) continue;
            candidates.add(new Candidate(n, after.writer(), after.audience()));
        }
        return checked(candidates);
    }

    /**
     * Of notifications about one item (or its thread), those whose recipient may see it today and did not mute it:
     * what a restore shows again of what the hide set aside.
     *
     * @param author   the item's writer (the audience rule lets authors see their own words; null for a card)
     * @param audience the item's audience (for a comment, its thread's)
     */
    public List<Notification> admitted(List<Notification> notifications, String author, List<String> audience) {
        return checked(notifications.stream().map(n -> new Candidate(n, author, audience)).toList());
    }

    /** The candidates whose recipient the audience rule lets see the item and who did not mute it. */
    private List<Notification> checked(List<Candidate> candidates) {
        Set<String> recipients = new LinkedHashSet<>();
        candidates.forEach(c -> recipients.add(c.notification().recipient()));
        Map<String, Viewer> viewers = membership.viewersOf(recipients);
        Map<String, Set<String>> mutes = store.mutesOf(recipients);
        Moderated moderated = moderated(candidates);
        List<Notification> out = new ArrayList<>();
        for (Candidate c : candidates) {
            Notification n = c.notification();
            if (!AudienceRule.canSee(viewers.get(n.recipient()), c.author(), c.audience())) continue;
            if (moderated.hiddenFrom(n)) continue;
            if (muted(n, mutes.getOrDefault(n.recipient(), Set.of()))) continue;
            out.add(n);
        }
        return out;
    }

    /**
     * The moderation state of what the candidates are about (their posts and comments, two keyed reads), as the
     * stores hold it now: a hidden or held post or comment is seen by its writer and moderators only, so it notifies
     * nobody else — a mention an edit adds to it, a comment in its thread, a reaction to it (found trying the stack:
     * such notifications pointed to pages their recipients could not open). Moderation notices to the writer pass.
     */
    private Moderated moderated(List<Candidate> candidates) {
        Set<String> postIris = new LinkedHashSet<>();
        List<String> commentIris = new ArrayList<>();
        for (Candidate c : candidates) {
            Notification n = c.notification();
            if (isModerationNotice(n)) continue;
            if (JOIN_REQUEST.equals(n.kind()) || INVITATION.equals(n.kind()) || APPROVAL.equals(n.kind())
                    || JOIN_DECLINED.equals(n.kind())) continue; // a community
            if (n.post() != null) postIris.add(n.post());
            else if (n.object() != null) postIris.add(n.object());
            if (n.object() != null && Iri.isKind(n.object(), Iri.COMMENT)) commentIris.add(n.object());
        }
        Map<String, Post> byPost = postIris.isEmpty() ? Map.of() : posts.findAll(postIris);
        Map<String, Comment> byComment = new HashMap<>();
        for (Comment comment : comments.load(commentIris)) byComment.put(comment.iri(), comment);
        return new Moderated(byPost, byComment);
    }

    private record Moderated(Map<String, Post> posts, Map<String, Comment> comments) {
        boolean hiddenFrom(Notification n) {
            if (isModerationNotice(n)) return false;
            Post root = posts.get(n.post() != null ? n.post() : n.object());
            if (root != null && root.hiddenFrom(n.recipient())) return true;
            Comment comment = n.object() == null ? null : comments.get(n.object());
            return comment != null && comment.hiddenFrom(n.recipient());
        }
    }

    /** A notification before the audience and mute checks, with what those checks need. */
    private record Candidate(Notification notification, String author, List<String> audience) {
    }

    private static ContentFacts created(Activity a, Map<String, ContentFacts> facts) {
        return As2.CREATE.equals(a.type()) && a.object() != null ? facts.get(a.object().id()) : null;
    }

    private List<Candidate> candidates(Activity activity, Map<String, ContentFacts> facts) {
        Map<String, Notification> byRecipient = new LinkedHashMap<>();
        long time = activity.published().toEpochMilli();
        String actor = activity.actor();
        String author = actor;
        List<String> audience = List.copyOf(activity.audience());
        switch (activity.type()) {
            case As2.UPDATE, As2.DELETE -> {
                // a moderator's decision tells the author, with the reason; other edits and deletes notify nobody
                RelaisExtension.Moderation decision = moderationDecision(activity).orElse(null);
                ContentFacts target = activity.object() == null ? null : facts.get(activity.object().id());
                if (decision == null || target == null) return List.of();
                // a card's writer is its business system: a decision about it tells no person (its named owner did not write it)
                if (ContentFacts.CARD.equals(target.kind())) return List.of();
                String kind = switch (decision.action()) {
                    case "hide" -> HIDDEN;
                    case "restore" -> RESTORED;
                    default -> REMOVED;
                };
                author = target.writer();
                audience = target.audience();
                String community = target.communities().isEmpty() ? null : target.communities().get(0);
                // the notice names the community (or the organisation's moderation), never the moderator: authors
                // could otherwise hold a grudge against a colleague; the audit log keeps who it was, for admins
                add(byRecipient, target.author(), kind, moderationVoice(community), target.id(), target.root(), community,
                        decision.reason(), activity, time);
            }
            case As2.CREATE -> {
                ContentFacts f = created(activity, facts);
                if (f == null) return List.of();
                // a post or comment a keyword rule held notifies nobody (its readers are its author and moderators)
                if (RelaisExtension.of(activity.object()).moderation().filter(RelaisExtension.Moderation::hidden).isPresent()) {
                    return List.of();
                }
                author = f.writer(); // a card's owner is told only if its audience admits them
                audience = f.audience();
                String community = f.communities().isEmpty() ? null : f.communities().get(0);
                for (String p : f.mentions()) add(byRecipient, p, MENTION, actor, f.id(), f.root(), community, null, activity, time);
                if (ContentFacts.COMMENT.equals(f.kind())) {
                    authorOf(f.inReplyTo(), facts).ifPresent(p -> add(byRecipient, p, REPLY, actor, f.id(), f.root(), community, null, activity, time));
                    authorOf(f.root(), facts).ifPresent(p -> add(byRecipient, p, REPLY, actor, f.id(), f.root(), community, null, activity, time));
                } else if (ContentFacts.CARD.equals(f.kind())) {
                    String eventType = businessEventType(activity);
                    for (String p : f.addressedPersons()) add(byRecipient, p, BUSINESS_EVENT, actor, f.id(), f.root(), community, eventType, activity, time);
                }
            }
            case As2.LIKE -> {
                String reacted = activity.object().id();
                ContentFacts target = facts.get(reacted);
                if (target == null) return List.of();
                String community = target.communities().isEmpty() ? null : target.communities().get(0);
                String kind = RelaisExtension.of(activity).reaction().orElse("like"); // an AS2 Like without a kind is a like
                add(byRecipient, target.author(), REACTION, actor, reacted, target.root(), community, kind, activity, time);
            }
            case As2.OFFER -> {
                // only the person's open request notifies: a replayed Offer of a request withdrawn or decided does not
                if (RelaisExtension.of(activity).kind().filter(RelaisExtension.KIND_JOIN_REQUEST::equals).isPresent()
                        && activity.target() != null && joinRequests.isOpen(activity.target(), actor, activity.id())) {
                    for (String p : audience) {
                        if (Iri.isKind(p, Iri.PERSON)) add(byRecipient, p, JOIN_REQUEST, actor, activity.target(), null, activity.target(), null, activity, time);
                    }
                }
            }
            case As2.INVITE -> add(byRecipient, activity.object().id(), INVITATION, actor, activity.target(), null,
                    activity.target(), null, activity, time);
            case As2.ACCEPT -> add(byRecipient, activity.object().id(), APPROVAL, actor, activity.target(), null,
                    activity.target(), null, activity, time);
            case As2.REJECT -> {
                // a declined join request is told to the requester, about a community they may know exists only
                String requester = activity.object() == null ? null : activity.object().id();
                if (requester == null || activity.target() == null || !Iri.isKind(activity.target(), Iri.COMMUNITY)) return List.of();
                Optional<Community> c = communities.find(activity.target());
                if (c.isEmpty() || !c.get().visibleTo(membership.viewerOf(requester))) return List.of();
                add(byRecipient, requester, JOIN_DECLINED, actor, activity.target(), null, activity.target(), null, activity, time);
            }
            default -> {
                return List.of();
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (Notification n : byRecipient.values()) {
            if (n.recipient().equals(actor) || !Iri.isKind(n.recipient(), Iri.PERSON)) continue;
            out.add(new Candidate(n, author, audience));
        }
        return out;
    }

    /**
     * The {@code actor} of a moderation notice: the community the item was written in (its moderators act for it),
     * or {@link #ORGANISATION_MODERATION} for an organisation-wide item.
     */
    public static String moderationVoice(String community) {
        return community != null ? community : ORGANISATION_MODERATION;
    }

    /** Whether it tells an author what moderators decided about their words (hidden, restored, removed). */
    public static boolean isModerationNotice(Notification n) {
        return HIDDEN.equals(n.kind()) || RESTORED.equals(n.kind()) || REMOVED.equals(n.kind());
    }

    /** The moderation decision an Update or Delete carries (hide, restore, remove), if any. */
    private static Optional<RelaisExtension.Moderation> moderationDecision(Activity a) {
        if (!As2.UPDATE.equals(a.type()) && !As2.DELETE.equals(a.type())) return Optional.empty();
        return RelaisExtension.of(a).moderation().filter(m -> m.action() != null);
    }

    private static boolean muted(Notification n, Set<String> mutes) {
        // an invitation is about a community one is not in yet; a declined request answers what one asked
        if (INVITATION.equals(n.kind()) || JOIN_DECLINED.equals(n.kind())) return false;
        if (isModerationNotice(n)) return false; // about one's own words
        return (n.community() != null && mutes.contains(n.community())) || (n.post() != null && mutes.contains(n.post()));
    }

    private static Optional<String> authorOf(String objectIri, Map<String, ContentFacts> facts) {
        return Optional.ofNullable(objectIri == null ? null : facts.get(objectIri)).map(ContentFacts::author);
    }

    /** {@code relais.business.eventType}, on the object or on the activity (connectors may use either). */
    private static String businessEventType(Activity activity) {
        return RelaisExtension.businessOf(activity).map(RelaisExtension.Business::eventType).orElse(null);
    }

    /** The first reason wins (a person both mentioned and replied to gets one notification, a mention). */
    private static void add(Map<String, Notification> out, String recipient, String kind, String actor, String object,
                            String post, String community, String detail, Activity activity, long time) {
        if (recipient == null) return;
        out.putIfAbsent(recipient, new Notification(Notification.idFor(activity.id(), time), recipient, kind, actor,
                object, post, community, detail, time, false));
    }
}
