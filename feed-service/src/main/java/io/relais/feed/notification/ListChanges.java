package io.relais.feed.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one poll changed in people's notification lists, in the order it changed them, and what is left to announce
 * live. A poll may change one notification several times (a hide then its restore, a Create then its Delete, an Undo
 * then a Like): what was listed before the poll and what is listed after it decide, never the kind of change alone.
 * Announcing each kind of change as a whole told an open page "taken back" after "shown again" when a restore followed
 * its hide in the same poll, and the page kept the notification away although it was back in the list.
 */
final class ListChanges {

    private enum Change { ADDED, SHOWN_AGAIN, TAKEN_BACK }

    /** The first and last change of one notification in the poll, and the notification as the last listing left it. */
    private record Changed(Change first, Change last, Notification notification) {
    }

    /** By recipient and id: one activity notifies several people under one id. */
    private final Map<String, Changed> byEntry = new LinkedHashMap<>();

    /** Notifications the poll stored (new in their recipient's list). */
    void added(Collection<Notification> notifications) {
        notifications.forEach(n -> record(Change.ADDED, n));
    }

    /** Notifications listed again (a restore showed what its hide set aside). */
    void shownAgain(Collection<Notification> notifications) {
        notifications.forEach(n -> record(Change.SHOWN_AGAIN, n));
    }

    /** Notifications that left their recipient's list (a delete, an edit, a hide, an Undo). */
    void takenBack(Collection<Notification> notifications) {
        notifications.forEach(n -> record(Change.TAKEN_BACK, n));
    }

    private void record(Change change, Notification n) {
        byEntry.merge(n.recipient() + "#" + n.id(), new Changed(change, change, n), (was, now) ->
                new Changed(was.first(), change, change == Change.TAKEN_BACK ? was.notification() : n));
    }

    /** New notifications still listed once the poll is applied: told as stored. */
    List<Notification> stored() {
        return select(c -> c.first() == Change.ADDED && c.last() != Change.TAKEN_BACK);
    }

    /**
     * Notifications listed before the poll, or shown again by it, that are listed once it is applied: told as shown
     * again, after {@link #takenBack()} when the poll also took them back (the page drops them, then puts them back).
     */
    List<Notification> shownAgain() {
        return select(c -> c.first() != Change.ADDED && c.last() != Change.TAKEN_BACK);
    }

    /**
     * Notifications the poll took back that its recipient may have had listed before it (not one the same poll added):
     * told as taken back, first.
     */
    List<Notification> takenBack() {
        return select(c -> c.first() != Change.ADDED && (c.first() == Change.TAKEN_BACK || c.last() == Change.TAKEN_BACK));
    }

    private List<Notification> select(java.util.function.Predicate<Changed> which) {
        List<Notification> out = new ArrayList<>();
        for (Changed c : byEntry.values()) {
            if (which.test(c)) out.add(c.notification());
        }
        return out;
    }
}
