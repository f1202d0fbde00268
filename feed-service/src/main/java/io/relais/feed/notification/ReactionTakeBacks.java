package io.relais.feed.notification;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.Iri;
import io.relais.feed.timeline.ContentFacts;
import io.relais.feed.timeline.ContentIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reaction taken back takes back its notification (as LinkedIn, Teams and Workplace do). feed-service's
 * {@code ReactionService} publishes the take-back as an AS2 {@code Undo} whose {@code object} is the {@code Like}
 * (its IRI) and whose {@code target} is the reacted post or comment; the one person notified of a reaction is the
 * author of what was reacted to.
 *
 * <p>One reaction notification per (recipient, reactor, reacted thing): an Undo sets it aside rather than pulling it
 * ({@link NotificationStore#takeBack}), so that a replayed Like finds it. The same person's next Like of the same thing
 * (like → unlike → like, or a change of kind, which is an Undo then a Like) is news to the recipient: a new notification
 * of that Like (unread, at its time, told live as any new one) replaces the one taken back, which is then dropped
 * ({@link NotificationStore#drop}) — never two listed. Showing the old one again kept it read when it had been read, so
 * the recipient was not told of the new like. Replays change nothing: an Undo applies only while the Like it names is
 * the one in force, a Like only when it is newer than the one in force.
 */
@ApplicationScoped
public class ReactionTakeBacks {

    @Inject
    NotificationStore store;

    @Inject
    ContentIndex content;

    /**
     * What a poll's planned reaction notifications do to the notifications already held.
     *
     * @param fresh    the planned notifications to store as usual (new, or replacing one an Undo took back)
     * @param replaced the notifications taken back by an Undo that a fresh one replaces: to drop once it is stored
     */
    public record Applied(List<Notification> fresh, List<NotificationStore.HeldReaction> replaced) {
    }

    /**
     * Applies the planned reaction notifications whose (recipient, reactor, reacted thing) already has one: the newest
     * Like of each wins; it replaces a notification an Undo took back, and updates the kind of one still held in
     * place. One read of the recipients' buckets from the earliest reacted item's day on (a reaction is never older
     * than what it reacts to).
     *
     * @return the planned notifications to store, and the ones they replace
     */
    public Applied applyReactions(List<Notification> planned) {
        Map<Key, Notification> newest = new LinkedHashMap<>();
        List<Notification> others = new ArrayList<>();
        for (Notification n : planned) {
            if (!NotificationPlanner.REACTION.equals(n.kind())) {
                others.add(n);
                continue;
            }
            newest.merge(Key.of(n), n, (a, b) -> b.time() >= a.time() ? b : a); // a like → unlike → like in one poll
        }
        if (newest.isEmpty()) return new Applied(planned, List.of());
        Map<Key, List<NotificationStore.HeldReaction>> held = held(newest.keySet(),
                newest.values().stream().map(Notification::object).toList());
        List<Notification> fresh = new ArrayList<>(others);
        List<NotificationStore.HeldReaction> replaced = new ArrayList<>();
        for (Map.Entry<Key, Notification> e : newest.entrySet()) {
            Notification like = e.getValue();
            List<NotificationStore.HeldReaction> mine = held.getOrDefault(e.getKey(), List.of());
            NotificationStore.HeldReaction current = mine.stream()
                    .max(Comparator.comparingLong(NotificationStore.HeldReaction::likedAt)).orElse(null);
            if (current == null) {
                fresh.add(like);
            } else if (like.time() > current.likedAt()) {
                if (NotificationStore.UNDONE.equals(current.setAsideBy())) {
                    // a like after an unlike is news: a new notification, unread, in place of the one taken back
                    fresh.add(like);
                    mine.stream().filter(h -> NotificationStore.UNDONE.equals(h.setAsideBy())).forEach(replaced::add);
                } else {
                    store.reactedAgain(current, likeOf(like), like.time(), like.detail()); // its Undo never came: same news
                }
            }
        }
        return new Applied(fresh, replaced);
    }

    /**
     * The poll's Undos of a Like that the same person's Like of the same thing follows in the poll (a change of kind,
     * an unlike then a like): to apply before the poll's Likes, as the log orders them, so that Like finds the
     * notification taken back and counts as the new reaction it is.
     */
    public static List<Activity> undosBeforeALike(List<Activity> activities) {
        Map<Key, Integer> lastLike = new HashMap<>();
        for (int i = 0; i < activities.size(); i++) {
            Activity a = activities.get(i);
            if (As2.LIKE.equals(a.type()) && a.object() != null) lastLike.put(new Key(null, a.actor(), a.object().id()), i);
        }
        List<Activity> out = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            Activity a = activities.get(i);
            if (isUndoOfALike(a) && lastLike.getOrDefault(new Key(null, a.actor(), a.target()), -1) > i) out.add(a);
        }
        return out;
    }

    private static boolean isUndoOfALike(Activity a) {
        return As2.UNDO.equals(a.type()) && a.object() != null && a.object().id() != null && a.target() != null
                && As2.LIKE.equals(a.object().type());
    }

    /**
     * Takes back the notifications of the batch's Undone Likes (Undos of anything else are not about reactions).
     *
     * @return the notifications taken back (their recipients' lists and unread counts changed)
     */
    public List<Notification> undo(List<Activity> activities) {
        Map<Key, String> undone = new LinkedHashMap<>();
        for (Activity a : activities) {
            if (!isUndoOfALike(a)) continue;
            undone.put(new Key(null, a.actor(), a.target()), Iri.localId(a.object().id()).replace('/', '_'));
        }
        if (undone.isEmpty()) return List.of();
        Map<String, ContentFacts> reacted = content.findAll(undone.keySet().stream().map(Key::object).distinct().toList());
        Map<Key, String> byRecipient = new LinkedHashMap<>();
        undone.forEach((k, like) -> {
            ContentFacts facts = reacted.get(k.object());
            if (facts != null && facts.author() != null) byRecipient.put(new Key(facts.author(), k.actor(), k.object()), like);
        });
        Map<Key, List<NotificationStore.HeldReaction>> held = held(byRecipient.keySet(),
                byRecipient.keySet().stream().map(Key::object).toList());
        List<Notification> takenBack = new ArrayList<>();
        byRecipient.forEach((k, like) -> {
            for (NotificationStore.HeldReaction h : held.getOrDefault(k, List.of())) {
                if (like.equals(h.like()) && !NotificationStore.UNDONE.equals(h.setAsideBy()) && store.takeBack(h)) {
                    takenBack.add(h.notification());
                }
            }
        });
        return takenBack;
    }

    /** The reaction notifications held for these keys, from the day the earliest of these objects was published. */
    private Map<Key, List<NotificationStore.HeldReaction>> held(Collection<Key> keys, Collection<String> objects) {
        long since = content.findAll(objects.stream().filter(Objects::nonNull).distinct().toList()).values().stream()
                .mapToLong(ContentFacts::time).min().orElse(0);
        List<String> recipients = keys.stream().map(Key::recipient).distinct().toList();
        Map<Key, List<NotificationStore.HeldReaction>> out = new HashMap<>();
        for (NotificationStore.HeldReaction h : store.reactions(recipients, since)) {
            Key k = Key.of(h.notification());
            if (keys.contains(k)) out.computeIfAbsent(k, x -> new ArrayList<>()).add(h);
        }
        return out;
    }

    /** The local id of the Like a reaction notification was made from (its id is {@code <day>.<local id>}). */
    private static String likeOf(Notification n) {
        return n.id().substring(n.id().indexOf('.') + 1);
    }

    /** Who was notified, of whose reaction, to what. */
    private record Key(String recipient, String actor, String object) {
        static Key of(Notification n) {
            return new Key(n.recipient(), n.actor(), n.object());
        }
    }
}
