package io.relais.feed.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.events.Topics;
import io.relais.kit.messaging.CloudEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Tells every feed-service replica about the notifications just stored, so that each pushes them live to the
 * recipients connected to it only once they are stored. The web re-reads the unread count when a live notification
 * arrives, and that count must then include it: pushing straight from the activity raced the notifications consumer's
 * write, and a slow write left the badge one behind until the next reload.
 *
 * <p>One record per stored notification on {@link Topics#NOTIFICATIONS}: key = recipient IRI, value = the
 * {@link Notification} as JSON ({@code {"id", "recipient", "kind", "actor", "object", "post", "community", "detail",
 * "time" (epoch millis), "read"}}). Best effort, like the live push itself: a record the broker does not take is
 * logged; the notification stays stored and shows on the recipient's next read.
 */
@ApplicationScoped
public class NotificationNotices {

    private static final Logger LOG = Logger.getLogger(NotificationNotices.class);

    @Inject
    CloudEventPublisher publisher;

    @Inject
    ObjectMapper json;

    /** Announces notifications that are stored (call it after the store write returned); none is a no-op. */
    public void announce(List<Notification> stored) {
        for (Notification n : stored) {
            byte[] value;
            try {
                value = json.writeValueAsBytes(n);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a notification is always writable as JSON", e);
            }
            publisher.send(new ProducerRecord<>(Topics.NOTIFICATIONS, n.recipient(), value)).whenComplete((done, error) -> {
                if (error != null) {
                    LOG.warnf("notification %s for %s stored but not announced live (%s): it shows on the next read",
                            n.id(), n.recipient(), error.getMessage());
                }
            });
        }
    }

    /**
     * Reads an announced notification; empty (and logged) when the value is not one, or names another recipient
     * than the record's key, so a stray record on the topic is never pushed to anyone.
     */
    public Optional<Notification> read(String recipient, String value) {
        try {
            Notification n = value == null ? null : json.readValue(value.getBytes(StandardCharsets.UTF_8), Notification.class);
            if (n != null && n.id() != null && n.kind() != null && recipient != null && recipient.equals(n.recipient())) {
                return Optional.of(n);
            }
        } catch (java.io.IOException e) {
            // fall through: refused below
        }
        LOG.warnf("record on %s for %s is not a stored notification: not pushed", Topics.NOTIFICATIONS, recipient);
        return Optional.empty();
    }
}
