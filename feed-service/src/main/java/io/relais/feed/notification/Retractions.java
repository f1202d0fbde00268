package io.relais.feed.notification;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.RelaisExtension;
import io.relais.feed.timeline.ContentFacts;
import io.relais.feed.timeline.ContentIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Notifications follow deletes and edits (issue 13). A deleted post or comment takes back every
 * notification about it (mentions, replies, reactions; for a post, those about its comments and replies
 * at any depth too) from everyone notified about its thread ({@link NotificationStore#notifiedAbout}), its
 * author, the people it mentions and the authors of what it answers. An edit that removes a mention takes
 * back that mention; an edit that adds one notifies the person as a Create would. Retractions lower the
 * unread counter by what was unread. A replayed Create of something deleted, or of a mention an edit
 * removed, notifies nobody again: {@link #stillTrue} checks what the planner proposes against the version
 * this consumer applied last; an Update not newer than that version (re-delivered, or older) changes nothing.
 * A moderator's hide (an Update carrying {@code relais.moderation.action = hide}) sets aside what a delete would take
 * back, except the author's moderation notices ({@link NotificationStore#setAside}); a restore shows them again
 * (mentions, replies, reactions, each once) to those who may still see the item and did not mute it, and notifies
 * the people a held item mentions for the first time (issue 15). Set-aside notifications stay stored, so a replayed
 * Create of an item hidden later notifies nobody again.
 */
@ApplicationScoped
public class Retractions {

    /** The name under which this consumer keeps the version of each post it applied. */
    static final String VERSION = "notifications";

    @Inject
    ContentIndex content;

    @Inject
    NotificationStore store;

    @Inject
    NotificationPlanner planner;

    /**
     * Applies the batch's Deletes and Updates, in order, and records in {@code changes}, in that order, what they added
     * (an edit that mentions someone new, a restore telling its author), took back (pulled by a delete or an edit, set
     * aside by a hide) and showed again (what a restore listed again of what its hide had set aside).
     */
    void apply(List<Activity> activities, ListChanges changes) {
        for (Activity a : activities) {
            if (a.object() == null || a.object().id() == null) continue;
            if (As2.DELETE.equals(a.type())) {
                changes.takenBack(deleted(a.object().id()));
            } else if (As2.UPDATE.equals(a.type())) {
                ContentFacts.ofCreate(a).ifPresent(update -> updated(a, update, changes));
            }
        }
    }

    /** The planned notifications that are still true: not about deleted content, mentions still made. */
    public List<Notification> stillTrue(List<Notification> planned) {
        Set<String> objects = new LinkedHashSet<>();
        for (Notification n : planned) {
            if (n.object() != null) objects.add(n.object());
            if (n.post() != null) objects.add(n.post());
        }
        Map<String, ContentFacts> facts = content.appliedBy(objects, VERSION);
        List<Notification> out = new ArrayList<>();
        for (Notification n : planned) {
            ContentFacts about = facts.get(n.object());
            ContentFacts thread = n.post() == null ? null : facts.get(n.post());
            // a moderator's "removed" notice is about deleted content by nature: its author keeps it
            boolean removalNotice = NotificationPlanner.REMOVED.equals(n.kind());
            if (!removalNotice && (about != null && about.deleted() || thread != null && thread.deleted())) continue;
            if (NotificationPlanner.MENTION.equals(n.kind()) && about != null && !about.mentions().contains(n.recipient())) continue;
            out.add(n);
        }
        return out;
    }

    /** @return the notifications the delete took back */
    private List<Notification> deleted(String iri) {
        ContentFacts gone = content.appliedBy(List.of(iri), VERSION).get(iri);
        if (gone == null) return List.of();
        content.markDeleted(iri); // a replayed Create of it notifies nobody (fan-out marks posts, this marks comments too)
        Set<String> people = new LinkedHashSet<>(gone.mentions());
        people.add(gone.author());
        Map<String, ContentFacts> answered = content.appliedBy(nonNull(gone.inReplyTo(), gone.root()), VERSION);
        answered.values().forEach(f -> people.add(f.author()));
        people.addAll(store.notifiedAbout(gone.root()));
        people.remove(null);
        // the author keeps the notification telling them a moderator removed it (and why)
        return store.retract(people, n -> !NotificationPlanner.REMOVED.equals(n.kind()) && (iri.equals(n.object()) || iri.equals(n.post())),
                gone.time());
    }

    /** Records in {@code changes} what the update took back, showed again (a restore) and added, in that order. */
    private void updated(Activity activity, ContentFacts update, ListChanges changes) {
        ContentFacts before = content.appliedBy(List.of(update.id()), VERSION).get(update.id());
        if (before == null || before.deleted() || before.supersedes(update)) return;
        ContentFacts after = before.updatedBy(update);
        String decision = RelaisExtension.of(activity).moderation().map(RelaisExtension.Moderation::action).orElse(null);
        if ("hide".equals(decision)) {
            changes.takenBack(hidden(before));
            content.markApplied(after, VERSION);
            return;
        }
        Set<String> lost = new LinkedHashSet<>(before.mentions());
        lost.removeAll(after.mentions());
        Set<String> gained = new LinkedHashSet<>(after.mentions());
        gained.removeAll(before.mentions());
        String iri = update.id();
        changes.takenBack(store.retract(lost, n -> NotificationPlanner.MENTION.equals(n.kind()) && iri.equals(n.object()), before.time()));
        content.markApplied(after, VERSION);
        if ("restore".equals(decision)) {
            restored(activity, after, changes);
        } else if (!gained.isEmpty()) {
            changes.added(store.addAll(planner.mentionsAdded(activity, after, gained, activity.actor())));
        }
    }

    /**
     * A moderator hid it: the notifications about it (mentions, replies, reactions; for a post, about anything in
     * its thread) leave everyone's list, as for a delete; its author keeps the notices telling them what moderators
     * decided. A replayed hide finds nothing left to take back.
     */
    private List<Notification> hidden(ContentFacts item) {
        String iri = item.id();
        return store.setAside(peopleAbout(item), n -> !NotificationPlanner.isModerationNotice(n) && (iri.equals(n.object()) || iri.equals(n.post())),
                item.time(), iri);
    }

    /**
     * A moderator restored it: what its hide set aside is shown again to whoever may still see it and did not mute it;
     * the people it mentions who were never told (a held item) are told now, the author being the one who mentions
     * them, not the moderator.
     *
     * What it showed again, then the mentions it added, are recorded in {@code changes}.
     */
    private void restored(Activity restore, ContentFacts item, ListChanges changes) {
        String iri = item.id();
        List<Notification> setAside = store.setAsideBy(peopleAbout(item), iri, item.time());
        changes.shownAgain(store.showAgain(planner.admitted(setAside, item.writer(), item.audience()), iri));
        Set<String> told = new LinkedHashSet<>();
        setAside.stream().filter(n -> NotificationPlanner.MENTION.equals(n.kind()) && iri.equals(n.object()))
                .forEach(n -> told.add(n.recipient()));
        Set<String> untold = new LinkedHashSet<>(item.mentions());
        untold.removeAll(told);
        if (!untold.isEmpty()) changes.added(store.addAll(planner.mentionsAdded(restore, item, untold, item.author())));
    }

    /** Everyone who may hold a notification about the item: its author, whom it mentions or answers, its thread's people. */
    private Set<String> peopleAbout(ContentFacts item) {
        Set<String> people = new LinkedHashSet<>(item.mentions());
        people.add(item.author());
        content.appliedBy(nonNull(item.inReplyTo(), item.root()), VERSION).values().forEach(f -> people.add(f.author()));
        people.addAll(store.notifiedAbout(item.root()));
        people.remove(null);
        return people;
    }

    private static Collection<String> nonNull(String... iris) {
        return java.util.Arrays.stream(iris).filter(Objects::nonNull).toList();
    }
}
