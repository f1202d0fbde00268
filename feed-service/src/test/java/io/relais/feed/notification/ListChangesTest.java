package io.relais.feed.notification;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a poll announces is where it leaves each notification, whatever the order of its changes (plain JUnit). */
class ListChangesTest {

    private static Notification mention(String id, boolean read) {
        return new Notification(id, "urn:relais:person:bob", NotificationPlanner.MENTION, "urn:relais:person:alice",
                "urn:relais:post:1", "urn:relais:post:1", null, null, 1L, read);
    }

    @Test
    void aHideThenItsRestoreIsAnnouncedTakenBackThenShownAgainAsListed() {
        ListChanges poll = new ListChanges();
        poll.takenBack(List.of(mention("1.a", false)));
        poll.shownAgain(List.of(mention("1.a", true)));

        assertThat(poll.takenBack()).extracting(Notification::id).containsExactly("1.a");
        assertThat(poll.shownAgain()).containsExactly(mention("1.a", true));
        assertThat(poll.stored()).isEmpty();
    }

    @Test
    void aRestoreThenAHideLeavesItTakenBack() {
        ListChanges poll = new ListChanges();
        poll.shownAgain(List.of(mention("1.a", false)));
        poll.takenBack(List.of(mention("1.a", false)));

        assertThat(poll.takenBack()).extracting(Notification::id).containsExactly("1.a");
        assertThat(poll.shownAgain()).isEmpty();
    }

    @Test
    void oneStoredAndTakenBackInTheSamePollIsNotAnnounced() {
        ListChanges poll = new ListChanges();
        poll.added(List.of(mention("1.a", false)));
        poll.takenBack(List.of(mention("1.a", false)));

        assertThat(poll.stored()).isEmpty();
        assertThat(poll.takenBack()).isEmpty();
        assertThat(poll.shownAgain()).isEmpty();
    }

    @Test
    void oneStoredThenHiddenAndRestoredInTheSamePollIsAnnouncedOnceAsNew() {
        ListChanges poll = new ListChanges();
        poll.added(List.of(mention("1.a", false)));
        poll.takenBack(List.of(mention("1.a", false)));
        poll.shownAgain(List.of(mention("1.a", false)));

        assertThat(poll.stored()).extracting(Notification::id).containsExactly("1.a");
        assertThat(poll.takenBack()).isEmpty();
        assertThat(poll.shownAgain()).isEmpty();
    }

    @Test
    void theSameIdForTwoRecipientsIsTwoNotifications() {
        Notification toBob = mention("1.a", false);
        Notification toCarol = new Notification("1.a", "urn:relais:person:carol", NotificationPlanner.REPLY,
                "urn:relais:person:alice", "urn:relais:post:1", "urn:relais:post:1", null, null, 1L, false);
        ListChanges poll = new ListChanges();
        poll.added(List.of(toBob, toCarol));
        poll.takenBack(List.of(toBob));

        assertThat(poll.stored()).containsExactly(toCarol);
    }
}
