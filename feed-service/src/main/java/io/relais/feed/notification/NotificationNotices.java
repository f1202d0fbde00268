package io.relais.feed.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.events.Topics;
import io.relais.kit.messaging.CloudEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells every feed-service replica about the notifications just stored, and those just taken back, so that each pushes
 * them live to the recipients connected to it only once the store says so. The web re-reads the unread count when a live notification
 * arrives, and that count must then include it: pushing straight from the activity raced the notifications consumer's
 * write, and a slow write left the badge one behind until the next reload.
 *
 * <p>One record per stored notification on {@link Topics#NOTIFICATIONS}: key = recipient IRI, value = the
 * {@link Notification} as JSON ({@code {"id", "recipient", "kind", "actor", "object", "post", "community", "detail",
 * "time" (epoch millis), "read"}}). Notifications taken back (a post or comment deleted, an edit dropping a mention,
 * a moderator's hide, a reaction taken back, the erasure of the person who caused them) make one record per recipient
 * and poll, a {@link TakenBack}: {@code {"notice": "taken-back", "recipient", "ids": [notification ids], "unread": the
 * recipient's unread count once they were taken back}}. Notifications listed again (a moderator's restore) make one
 * record per recipient and poll, a {@link ShownAgain}:
 * {@code {"notice": "shown-again", "recipient", "notifications": [notifications as above], "unread": the recipient's
 * unread count once they were shown again}}; they keep their id and time, so a list puts them back at their place.
 * Best effort, like the live push itself: a record the broker does not take is logged; the
 * store is right and shows on the recipient's next read.
 */
@ApplicationScoped
public class NotificationNotices {

    private static final Logger LOG = Logger.getLogger(NotificationNotices.class);

    @Inject
    CloudEventPublisher publisher;

    @Inject
    ObjectMapper json;

    /**
     * What a record of the notifications topic tells: a {@link Notification} stored, a {@link TakenBack} or a
     * {@link ShownAgain}.
     */
    public sealed interface Notice permits Stored, TakenBack, ShownAgain {
    }

    /** A notification now stored and counted. */
    public record Stored(Notification notification) implements Notice {
    }

    /**
     * Notifications that left a recipient's list.
     *
     * @param notice    always {@value #TAKEN_BACK}: tells this value from a stored notification's
     * @param recipient the person IRI (also the record's key)
     * @param ids       the notification ids taken back
     * @param unread    the recipient's unread count once they were taken back
     */
    public record TakenBack(String notice, String recipient, List<String> ids, long unread) implements Notice {
        public static final String TAKEN_BACK = "taken-back";
    }

    /**
     * Notifications listed again after they were set aside: a moderator restored what they are about.
     *
     * @param notice        always {@value #SHOWN_AGAIN}: tells this value from a stored notification's
     * @param recipient     the person IRI (also the record's key)
     * @param notifications the notifications listed again, as stored (their id and time unchanged)
     * @param unread        the recipient's unread count once they were shown again
     */
    public record ShownAgain(String notice, String recipient, List<Notification> notifications, long unread) implements Notice {
        public static final String SHOWN_AGAIN = "shown-again";
    }

    @Inject
    NotificationStore store;

    /** Announces notifications that are stored (call it after the store write returned); none is a no-op. */
    public void announce(List<Notification> stored) {
        for (Notification n : stored) send(n.recipient(), n, "notification " + n.id());
    }

    /**
     * Announces notifications taken back (call it after the store writes returned): one notice per recipient, with
     * their unread count read now; none is a no-op.
     */
    public void announceTakenBack(List<Notification> takenBack) {
        Map<String, List<String>> byRecipient = new LinkedHashMap<>();
        for (Notification n : takenBack) byRecipient.computeIfAbsent(n.recipient(), r -> new ArrayList<>()).add(n.id());
        byRecipient.forEach((recipient, ids) -> send(recipient,
                new TakenBack(TakenBack.TAKEN_BACK, recipient, List.copyOf(ids), store.unread(recipient)),
                "taking back " + ids));
    }

    /**
     * Announces notifications shown again (call it after the store writes returned): one notice per recipient, with
     * their unread count read now; none is a no-op.
     */
    public void announceShownAgain(List<Notification> shownAgain) {
        Map<String, List<Notification>> byRecipient = new LinkedHashMap<>();
        for (Notification n : shownAgain) byRecipient.computeIfAbsent(n.recipient(), r -> new ArrayList<>()).add(n);
        byRecipient.forEach((recipient, notifications) -> send(recipient,
                new ShownAgain(ShownAgain.SHOWN_AGAIN, recipient, List.copyOf(notifications), store.unread(recipient)),
                "showing again " + notifications.stream().map(Notification::id).toList()));
    }

    private void send(String recipient, Object notice, String what) {
        byte[] value;
        try {
            value = json.writeValueAsBytes(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice is always writable as JSON", e);
        }
        publisher.send(new ProducerRecord<>(Topics.NOTIFICATIONS, recipient, value)).whenComplete((done, error) -> {
            if (error != null) {
                LOG.warnf("%s for %s stored but not announced live (%s): it shows on the next read", what, recipient,
                        error.getMessage());
            }
        });
    }

    /**
     * Reads an announced notice; empty (and logged) when the value is neither a stored notification, a take-back nor
     * notifications shown again, or names another recipient than the record's key (or holds one of another's), so a stray record on the topic is never pushed to anyone.
     */
    public Optional<Notice> read(String recipient, String value) {
        try {
            JsonNode tree = value == null ? null : json.readTree(value.getBytes(StandardCharsets.UTF_8));
            if (tree != null && tree.isObject() && recipient != null) {
                if (TakenBack.TAKEN_BACK.equals(tree.path("notice").asText(null))) {
                    TakenBack t = json.treeToValue(tree, TakenBack.class);
                    if (recipient.equals(t.recipient()) && t.ids() != null) return Optional.of(t);
                } else if (ShownAgain.SHOWN_AGAIN.equals(tree.path("notice").asText(null))) {
                    ShownAgain s = json.treeToValue(tree, ShownAgain.class);
                    if (recipient.equals(s.recipient()) && s.notifications() != null && s.notifications().stream()
                            .allMatch(n -> n.id() != null && n.kind() != null && recipient.equals(n.recipient()))) {
                        return Optional.of(s);
                    }
                } else {
                    Notification n = json.treeToValue(tree, Notification.class);
                    if (n.id() != null && n.kind() != null && recipient.equals(n.recipient())) return Optional.of(new Stored(n));
                }
            }
        } catch (java.io.IOException e) {
            // fall through: refused below
        }
        LOG.warnf("record on %s for %s is not a notification notice: not pushed", Topics.NOTIFICATIONS, recipient);
        return Optional.empty();
    }
}
