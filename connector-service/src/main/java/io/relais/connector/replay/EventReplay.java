package io.relais.connector.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.connector.ConnectorConfig;
import io.relais.connector.delivery.DeadLetter;
import io.relais.connector.delivery.DeadLetters;
import io.relais.connector.ingest.EventReader;
import io.relais.connector.ingest.Ingestion;
import io.relais.connector.receipt.Receipt;
import io.relais.connector.registration.Registration;
import io.relais.connector.registration.RegistrationStore;
import io.relais.connector.source.SourceType;
import io.relais.kit.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Replays a dead letter: the stored event is read again (schema included) and mapped with today's templates, for its
 * client as registered today (409 when the client no longer posts as the event's source or system).
 */
@ApplicationScoped
public class EventReplay {

    @Inject
    DeadLetters deadLetters;

    @Inject
    RegistrationStore registrations;

    @Inject
    EventReader reader;

    @Inject
    Ingestion ingestion;

    @Inject
    ConnectorConfig config;

    public Receipt replay(String id) {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> ProblemException.notFound("dead letter " + id));
        if (DeadLetter.REPLAYED.equals(letter.status())) {
            throw ProblemException.conflict("dead letter " + id + " was already replayed");
        }
        Registration registration = registrations.find(letter.clientId()).orElseThrow(() -> ProblemException.conflict(
                "client " + letter.clientId() + " is no longer registered; register it again before replaying"));
        JsonNode node;
        try {
            node = EventReader.parse(letter.event().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (EventReader.InvalidJson e) {
            throw ProblemException.conflict("the stored event is unreadable: " + e.getMessage());
        }
        EventReader.Read read = reader.read(SourceType.of(letter.source()), node, "");
        if (!read.valid()) {
            throw ProblemException.invalid(read.violations());
        }
        // published as its client is registered today, as a new event would be: never as a source or system an
        // administrator has since taken from it (that system may now be another client's)
        if (!registration.mayPostAs(letter.source())) {
            throw ProblemException.conflict("client " + letter.clientId() + " no longer posts as " + letter.source()
                    + "; register it for " + letter.source() + " again before replaying");
        }
        String system = read.event().system();
        if (system != null && !system.equals(registration.system())) {
            throw ProblemException.conflict("the event was sent as system " + system + ", and client "
                    + letter.clientId() + " is now registered as " + registration.system() + ": it is not replayed as "
                    + "a system its client no longer is");
        }
        Ingestion.Handled handled = ingestion.replay(letter, registration, read.event());
        return switch (handled.result()) {
            case PUBLISHED -> handled.receipt();
            case UNAVAILABLE -> throw ProblemException.unavailable(handled.detail(), config.retryAfterSeconds());
            default -> throw ProblemException.conflict("the mapping still fails: " + handled.detail());
        };
    }
}
