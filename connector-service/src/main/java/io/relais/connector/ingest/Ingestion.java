package io.relais.connector.ingest;

import io.relais.connector.ConnectorConfig;
import io.relais.connector.community.CommunityDirectory;
import io.relais.connector.delivery.DeadLetter;
import io.relais.connector.delivery.DeadLetters;
import io.relais.connector.delivery.KafkaDelivery;
import io.relais.connector.delivery.KafkaUnavailableException;
import io.relais.connector.delivery.SourceStats;
import io.relais.connector.delivery.SourceStats.Outcome;
import io.relais.connector.mapping.BusinessEventMapper;
import io.relais.connector.mapping.MappingException;
import io.relais.connector.people.PeopleDirectory;
import io.relais.connector.receipt.Receipt;
import io.relais.connector.receipt.ReceiptStatus;
import io.relais.connector.receipt.ReceiptStore;
import io.relais.connector.registration.Registration;
import io.relais.connector.source.InboundEvent;
import io.relais.connector.source.SourceType;
import io.relais.events.Activity;
import io.relais.events.CloudEventAttributes;
import io.relais.events.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One accepted event's way to Kafka: claim its receipt (the idempotency key), build the activity
 * (mapping template or generic CloudEvent), send it, wait for the acknowledgement, record the outcome.
 * Sending and waiting are split so a batch sends all its records before waiting for them.
 */
@ApplicationScoped
public class Ingestion {

    private static final Logger LOG = Logger.getLogger(Ingestion.class);

    @Inject
    ReceiptStore receipts;

    @Inject
    KafkaDelivery kafka;

    @Inject
    DeadLetters deadLetters;

    @Inject
    SourceStats stats;

    @Inject
    BusinessEventMapper mapper;

    @Inject
    ConnectorConfig config;

    @Inject
    CommunityDirectory communities;

    @Inject
    PeopleDirectory people;

    /**
     * What to publish for one event; {@code build} gets the receipt's ids and may throw {@link MappingException}.
     *
     * @param clientId the client that sent it (its counters are its own)
     * @param digest   the {@link ContentDigest} of what the event says: a resend of its id must say the same
     */
    public record Submission(SourceType source, String clientId, String eventType, String eventId, String system,
                             String givenActivityId, String json, String digest,
                             Function<BusinessEventMapper.Ids, Activity> build) {
        String receiptId() {
            return InboundEvent.receiptId(source, eventId);
        }

        String ceSource() {
            return CloudEventAttributes.connectorSource(source.id(), system);
        }
    }

    public static Submission of(InboundEvent event, Registration registration, BusinessEventMapper mapper) {
        String system = event.system() != null ? event.system() : registration.system();
        return new Submission(event.source(), registration.clientId(), event.eventType(), event.eventId(), system, null, event.json(),
                digest(event, system), ids -> mapper.map(event, registration, ids));
    }

    /**
     * The content of an envelope event as validated: its type, schema version, system (the registration's when left
     * out), instant ({@code 10:00:00Z} and {@code 11:00:00+01:00} are one) and data after its text was cleaned. Not
     * its id (the key itself).
     */
    static String digest(InboundEvent event, String system) {
        Map<String, Object> parts = new java.util.HashMap<>();
        parts.put("eventType", event.eventType());
        parts.put("schemaVersion", String.valueOf(event.schemaVersion()));
        parts.put("system", system);
        parts.put("occurredAt", event.occurredAt() == null ? null : event.occurredAt().toString());
        parts.put("data", event.data());
        return ContentDigest.of(parts);
    }

    /**
     * How an event ended: HTTP status and receipt. {@code CONFLICT}: this system used it for different content ({@code detail} says when, the receipt is the earlier one).
     */
    public enum Result {
        PUBLISHED(202), DEAD_LETTERED(202), DUPLICATE(200), IN_FLIGHT(409), CONFLICT(409), UNAVAILABLE(503),
        NOT_ATTEMPTED(503);

        public final int status;

        Result(int status) {
            this.status = status;
        }
    }

    public record Handled(Result result, Receipt receipt, String detail) {
    }

    /** An event on its way: either already decided, or sent and awaiting Kafka's acknowledgement. */
    public static final class Pending {
        final Submission submission;
        final Receipt receipt;
        final Activity activity;
        final CompletableFuture<RecordMetadata> ack;
        final Handled decided;

        private Pending(Submission s, Receipt r, Activity a, CompletableFuture<RecordMetadata> ack, Handled decided) {
            this.submission = s;
            this.receipt = r;
            this.activity = a;
            this.ack = ack;
            this.decided = decided;
        }

        /** True when Kafka already refused the send (no broker): the rest of a batch is not worth sending. */
        public boolean failedFast() {
            return ack != null && ack.isCompletedExceptionally();
        }
    }

    public Pending start(Registration registration, Submission s) {
        ReceiptStore.Claim claim = receipts.claim(s.receiptId(), s.source().id(), s.eventType(), s.eventId(),
                registration.clientId(), s.givenActivityId(), s.digest());
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        counts.put(Outcome.RECEIVED, 1L);
        Pending p = people.oncePerBatch(() -> decide(registration, s, claim, counts)); // owner and mention: one read
        stats.countAll(s.source(), s.clientId(), counts); // received (and duplicate) in one write, as a batch counts them
        return p;
    }

    public Handled finish(Pending p, long deadlineNanos) {
        if (p.decided != null) return p.decided;
        try {
            kafka.await(p.ack, deadlineNanos);
            Receipt published = receipts.markPublished(p.receipt.receiptId(), p.activity.id(), p.activity.object().id());
            stats.count(p.submission.source(), p.submission.clientId(), Outcome.PUBLISHED);
            return new Handled(Result.PUBLISHED, published, "published");
        } catch (KafkaUnavailableException e) {
            return unavailable(p.submission, p.receipt, e.getMessage());
        }
    }

    /**
     * A batch of distinct events (no two with the same receipt id) with its store work done in bulk: one
     * unordered insert claims every receipt (under one pass), each community and person is read once, every record is sent
     * before any acknowledgement is awaited, one insert of the pass's publication marks the acknowledged receipts
     * published and one {@code $inc} counts the batch: four store commands and one keyed write per event.
     * Failures (mapping, Kafka) keep their per-event handling. Results in the given order.
     */
    public List<Handled> ingestBatch(Registration registration, List<Submission> batch, long deadlineNanos) {
        if (batch.isEmpty()) return List.of();
        SourceType source = batch.get(0).source();
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        counts.merge(Outcome.RECEIVED, (long) batch.size(), Long::sum);
        List<ReceiptStore.ClaimRequest> requests = batch.stream().map(s -> new ReceiptStore.ClaimRequest(s.receiptId(),
                s.source().id(), s.eventType(), s.eventId(), registration.clientId(), s.givenActivityId(), s.digest())).toList();
        String pass = ReceiptStore.newPass();
        Map<String, ReceiptStore.Claim> claims = receipts.claimAll(pass, requests);
        Handled[] handled = new Handled[batch.size()];
        List<Integer> sentIndex = new ArrayList<>();
        List<Pending> sent = new ArrayList<>();
        Set<String> unsent = new LinkedHashSet<>();
        communities.oncePerBatch(() -> people.oncePerBatch(() -> {
            boolean kafkaDown = false;
            for (int i = 0; i < batch.size(); i++) {
                Submission s = batch.get(i);
                ReceiptStore.Claim claim = claims.get(s.receiptId());
                if (claim instanceof ReceiptStore.Owned owned && kafkaDown) {
                    // claimed but never sent: released below, so the resend of the batch takes it over
                    unsent.add(owned.receipt().receiptId()); // its own id (another system may hold the plain one)
                    handled[i] = new Handled(Result.NOT_ATTEMPTED, null, "not sent: Kafka is unavailable; send it again");
                    continue;
                }
                Pending p = decide(registration, s, claim, counts);
                if (p.decided != null) {
                    handled[i] = p.decided;
                    continue;
                }
                kafkaDown = p.failedFast();
                sent.add(p);
                sentIndex.add(i);
            }
            return null;
        }));
        List<ReceiptStore.Publication> acked = new ArrayList<>();
        List<Integer> ackedIndex = new ArrayList<>();
        for (int k = 0; k < sent.size(); k++) {
            Pending p = sent.get(k);
            try {
                kafka.await(p.ack, deadlineNanos);
                acked.add(new ReceiptStore.Publication(p.receipt, p.activity.id(), p.activity.object().id()));
                ackedIndex.add(sentIndex.get(k));
            } catch (KafkaUnavailableException e) {
                handled[sentIndex.get(k)] = unavailable(p.submission, p.receipt, e.getMessage());
            }
        }
        List<Receipt> published = receipts.markAllPublished(pass, acked);
        for (int k = 0; k < published.size(); k++) {
            handled[ackedIndex.get(k)] = new Handled(Result.PUBLISHED, published.get(k), "published");
        }
        counts.merge(Outcome.PUBLISHED, (long) published.size(), Long::sum);
        receipts.markAllFailed(unsent, "not sent: Kafka was unavailable");
        stats.countAll(source, registration.clientId(), counts);
        return List.of(handled);
    }

    /**
     * A claimed event's fate before sending: conflict, duplicate, in flight, dead letter, or sent (ack pending). The
     * claim is always this client's own receipt: another system's use of the event id is not this one's business.
     */
    private Pending decide(Registration registration, Submission s, ReceiptStore.Claim claim, Map<Outcome, Long> counts) {
        if (claim instanceof ReceiptStore.Conflict conflict) {
            String detail = usedForOtherContent(s.eventId(), conflict.receipt());
            stats.countError(s.source(), s.clientId(), Outcome.REJECTED, detail);
            return new Pending(s, conflict.receipt(), null, null, new Handled(Result.CONFLICT, conflict.receipt(), detail));
        }
        if (claim instanceof ReceiptStore.Earlier earlier) {
            counts.merge(Outcome.DUPLICATE, 1L, Long::sum);
            return new Pending(s, earlier.receipt(), null, null, new Handled(Result.DUPLICATE, earlier.receipt(),
                    "already received: the original receipt, nothing new was published"));
        }
        if (claim instanceof ReceiptStore.InFlight inFlight) {
            return new Pending(s, inFlight.receipt(), null, null, new Handled(Result.IN_FLIGHT, inFlight.receipt(),
                    "the same event is being published by another request"));
        }
        Receipt receipt = ((ReceiptStore.Owned) claim).receipt();
        Activity activity;
        try {
            activity = s.build().apply(new BusinessEventMapper.Ids(receipt.activityId(), receipt.objectId()));
        } catch (MappingException e) {
            return new Pending(s, receipt, null, null, deadLetter(s, registration, receipt, e.getMessage()));
        }
        return new Pending(s, receipt, activity, kafka.send(activity, s.ceSource()), null);
    }

    /** The rule an event id's second content breaks, with the receipt of the first ({@code eventId}'s message). */
    static String usedForOtherContent(String eventId, Receipt earlier) {
        return "event id " + eventId + " was already used for different content (receipt " + earlier.receiptId()
                + ", received " + earlier.received() + "): a resend must be identical; send a change as a new event "
                + "with its own id";
    }

    /** A batch item left unsent because Kafka was already found unavailable. */
    public Handled notAttempted(Submission s) {
        stats.count(s.source(), s.clientId(), Outcome.RECEIVED);
        return new Handled(Result.NOT_ATTEMPTED, null, "not sent: Kafka is unavailable; send it again");
    }

    public Handled ingest(Registration registration, Submission s) {
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        return finish(start(registration, s), deadline);
    }

    /** Records a rejected event (when it has a usable id) and counts it. */
    public void rejected(SourceType source, String eventType, String eventId, String clientId, List<Violation> violations) {
        String reason = violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        stats.countError(source, clientId, Outcome.REJECTED, reason);
        if (eventId != null) {
            receipts.recordRejection(InboundEvent.receiptId(source, eventId), source.id(),
                    eventType == null ? "unknown" : eventType, eventId, clientId, reason);
        }
    }

    /**
     * Publishes a dead letter again with the current mapping, under the receipt's ids. The receipt becomes
     * published; if the mapping still fails the letter stays, with the new reason.
     */
    public Handled replay(DeadLetter letter, Registration registration, InboundEvent event) {
        Receipt receipt = receipts.find(letter.id()).orElseThrow();
        Submission s = of(event, registration, mapper);
        Activity activity;
        try {
            activity = s.build().apply(new BusinessEventMapper.Ids(receipt.activityId(), receipt.objectId()));
        } catch (MappingException e) {
            deadLetters.updateReason(letter.id(), e.getMessage());
            receipts.mark(letter.id(), ReceiptStatus.DEAD_LETTERED, e.getMessage());
            return new Handled(Result.DEAD_LETTERED, receipts.find(letter.id()).orElseThrow(), e.getMessage());
        }
        try {
            kafka.await(kafka.send(activity, s.ceSource()), System.nanoTime() + config.publishTimeout().toNanos());
        } catch (KafkaUnavailableException e) {
            stats.countError(s.source(), s.clientId(), Outcome.UNAVAILABLE, e.getMessage());
            return new Handled(Result.UNAVAILABLE, receipt, e.getMessage());
        }
        Receipt published = receipts.markPublished(letter.id(), activity.id(), activity.object().id());
        deadLetters.markReplayed(letter.id());
        stats.count(s.source(), s.clientId(), Outcome.PUBLISHED);
        return new Handled(Result.PUBLISHED, published, "replayed and published");
    }

    private Handled deadLetter(Submission s, Registration registration, Receipt receipt, String reason) {
        LOG.warnf("event %s dead-lettered: %s", receipt.receiptId(), reason);
        Receipt marked = receipts.mark(receipt.receiptId(), ReceiptStatus.DEAD_LETTERED, reason);
        deadLetters.add(new DeadLetter(receipt.receiptId(), s.source().id(), s.eventType(), s.eventId(),
                registration.clientId(), reason, DeadLetter.OPEN, s.json(), Instant.now(), null), s.ceSource());
        stats.countError(s.source(), s.clientId(), Outcome.DEAD_LETTERED, reason);
        return new Handled(Result.DEAD_LETTERED, marked, "accepted, but its mapping failed: " + reason
                + " (kept as a dead letter: an administrator replays it once this is fixed)");
    }

    private Handled unavailable(Submission s, Receipt receipt, String reason) {
        // the receipt says failed; a resend of the same event takes it over (same ids), so nothing is half-done
        Receipt failed = receipts.mark(receipt.receiptId(), ReceiptStatus.FAILED, reason);
        stats.countError(s.source(), s.clientId(), Outcome.UNAVAILABLE, reason);
        return new Handled(Result.UNAVAILABLE, failed, reason);
    }
}
