package io.relais.feed.notification;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AudienceRule;
import io.relais.events.Iri;
import io.relais.feed.community.MembershipService;
import io.relais.feed.timeline.ContentFacts;
import io.relais.feed.timeline.ContentIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
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
    public static final String BUSINESS_EVENT = "business-event";

    @Inject
    ContentIndex content;

    @Inject
    MembershipService membership;

    @Inject
    NotificationStore store;

    public List<Notification> plan(Activity activity) {
        Map<String, Notification> byRecipient = new LinkedHashMap<>();
        long time = activity.published().toEpochMilli();
        String actor = activity.actor();
        String author = actor;
        List<String> audience = List.copyOf(activity.audience());
        switch (activity.type()) {
            case As2.CREATE -> {
                Optional<ContentFacts> created = content.remember(activity);
                if (created.isEmpty()) return List.of();
                ContentFacts f = created.get();
                author = f.author();
                audience = f.audience();
                String community = f.communities().isEmpty() ? null : f.communities().get(0);
                for (String p : f.mentions()) add(byRecipient, p, MENTION, actor, f.id(), f.root(), community, null, activity, time);
                if (ContentFacts.COMMENT.equals(f.kind())) {
                    authorOf(f.inReplyTo()).ifPresent(p -> add(byRecipient, p, REPLY, actor, f.id(), f.root(), community, null, activity, time));
                    authorOf(f.root()).ifPresent(p -> add(byRecipient, p, REPLY, actor, f.id(), f.root(), community, null, activity, time));
                } else if (ContentFacts.CARD.equals(f.kind())) {
                    String eventType = businessEventType(activity);
                    for (String p : f.addressedPersons()) add(byRecipient, p, BUSINESS_EVENT, actor, f.id(), f.root(), community, eventType, activity, time);
                }
            }
            case As2.LIKE -> {
                String reacted = activity.object().id();
                Optional<ContentFacts> target = content.find(reacted);
                if (target.isEmpty()) return List.of();
                String community = target.get().communities().isEmpty() ? null : target.get().communities().get(0);
                String kind = activity.relais() == null ? null : String.valueOf(activity.relais().getOrDefault("reaction", "like"));
                add(byRecipient, target.get().author(), REACTION, actor, reacted, target.get().root(), community, kind, activity, time);
            }
            case As2.OFFER -> {
                if (activity.relais() != null && "join-request".equals(activity.relais().get("kind"))) {
                    for (String p : audience) {
                        if (Iri.isKind(p, Iri.PERSON)) add(byRecipient, p, JOIN_REQUEST, actor, activity.target(), null, activity.target(), null, activity, time);
                    }
                }
            }
            case As2.INVITE -> add(byRecipient, activity.object().id(), INVITATION, actor, activity.target(), null,
                    activity.target(), null, activity, time);
            case As2.ACCEPT -> add(byRecipient, activity.object().id(), APPROVAL, actor, activity.target(), null,
                    activity.target(), null, activity, time);
            default -> {
                return List.of();
            }
        }
        List<Notification> out = new ArrayList<>();
        for (Notification n : byRecipient.values()) {
            if (n.recipient().equals(actor) || !Iri.isKind(n.recipient(), Iri.PERSON)) continue;
            if (!AudienceRule.canSee(membership.viewerOf(n.recipient()), author, audience)) continue;
            if (muted(n)) continue;
            out.add(n);
        }
        return out;
    }

    private boolean muted(Notification n) {
        if (INVITATION.equals(n.kind())) return false; // an invitation is about a community one is not in yet
        Set<String> mutes = store.mutesOf(n.recipient());
        return (n.community() != null && mutes.contains(n.community())) || (n.post() != null && mutes.contains(n.post()));
    }

    private Optional<String> authorOf(String objectIri) {
        return content.find(objectIri).map(ContentFacts::author);
    }

    /** {@code relais.business.eventType}, on the object or on the activity (connectors may use either). */
    private static String businessEventType(Activity activity) {
        for (Map<String, Object> ext : java.util.Arrays.asList(activity.object().relais(), activity.relais())) {
            if (ext != null && ext.get("business") instanceof Map<?, ?> business && business.get("eventType") != null) {
                return business.get("eventType").toString();
            }
        }
        return null;
    }

    /** The first reason wins (a person both mentioned and replied to gets one notification, a mention). */
    private static void add(Map<String, Notification> out, String recipient, String kind, String actor, String object,
                            String post, String community, String detail, Activity activity, long time) {
        if (recipient == null) return;
        out.putIfAbsent(recipient, new Notification(Notification.idFor(activity.id(), time), recipient, kind, actor,
                object, post, community, detail, time, false));
    }
}
