package io.relais.feed.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What the live push reads back from the notifications topic: a stored notification, a take-back, or nothing at all. */
class NotificationNoticesTest {

    private final NotificationNotices notices = new NotificationNotices();

    NotificationNoticesTest() {
        notices.json = new ObjectMapper();
    }

    private static final Notification MENTION = new Notification("20423.01JX", "urn:relais:person:bob", "mention",
            "urn:relais:person:alice", "urn:relais:post:01JX", "urn:relais:post:01JX", "urn:relais:community:ventes",
            null, 1_764_556_800_000L, false);

    @Test
    void aStoredNotificationReadsBackWithEveryField() throws Exception {
        String value = new String(notices.json.writeValueAsBytes(MENTION), StandardCharsets.UTF_8);
        assertThat(notices.read("urn:relais:person:bob", value)).contains(new NotificationNotices.Stored(MENTION));
    }

    @Test
    void aTakeBackReadsBackWithItsIdsAndTheLoweredCount() throws Exception {
        NotificationNotices.TakenBack gone = new NotificationNotices.TakenBack(NotificationNotices.TakenBack.TAKEN_BACK,
                "urn:relais:person:bob", java.util.List.of("20423.01JX"), 0);
        String value = new String(notices.json.writeValueAsBytes(gone), StandardCharsets.UTF_8);
        assertThat(value).contains("\"notice\":\"taken-back\"");
        assertThat(notices.read("urn:relais:person:bob", value)).contains(gone);
    }

    @Test
    void aTakeBackForSomeoneElseThanTheKeyIsPushedToNobody() throws Exception {
        String value = "{\"notice\":\"taken-back\",\"recipient\":\"urn:relais:person:carol\",\"ids\":[\"20423.01JX\"],\"unread\":0}";
        assertThat(notices.read("urn:relais:person:bob", value)).isEmpty();
    }

    @Test
    void notificationsShownAgainReadBackWithTheRaisedCount() throws Exception {
        NotificationNotices.ShownAgain back = new NotificationNotices.ShownAgain(NotificationNotices.ShownAgain.SHOWN_AGAIN,
                "urn:relais:person:bob", java.util.List.of(MENTION), 2);
        String value = new String(notices.json.writeValueAsBytes(back), StandardCharsets.UTF_8);
        assertThat(value).contains("\"notice\":\"shown-again\"");
        assertThat(notices.read("urn:relais:person:bob", value)).contains(back);
    }

    /** A notice for bob that holds carol's notification (a bug, a forged record) shows bob nothing of carol's. */
    @Test
    void notificationsShownAgainHoldingSomeoneElsesArePushedToNobody() throws Exception {
        NotificationNotices.ShownAgain forCarol = new NotificationNotices.ShownAgain(NotificationNotices.ShownAgain.SHOWN_AGAIN,
                "urn:relais:person:carol", java.util.List.of(MENTION), 1);
        String value = new String(notices.json.writeValueAsBytes(forCarol), StandardCharsets.UTF_8);
        assertThat(notices.read("urn:relais:person:carol", value)).isEmpty();
        assertThat(notices.read("urn:relais:person:bob", value)).isEmpty();
    }

    @Test
    void aRecordWhoseKeyIsNotItsRecipientIsPushedToNobody() throws Exception {
        String value = new String(notices.json.writeValueAsBytes(MENTION), StandardCharsets.UTF_8);
        assertThat(notices.read("urn:relais:person:carol", value)).isEmpty();
        assertThat(notices.read(null, value)).isEmpty();
    }

    @Test
    void aValueThatIsNotANotificationIsPushedToNobody() {
        assertThat(notices.read("urn:relais:person:bob", "{\"recipient\":\"urn:relais:person:bob\"}")).isEmpty();
        assertThat(notices.read("urn:relais:person:bob", "<p>not json</p>")).isEmpty();
        assertThat(notices.read("urn:relais:person:bob", null)).isEmpty();
    }
}
