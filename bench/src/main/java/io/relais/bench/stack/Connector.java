package io.relais.bench.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.bench.company.SyntheticCompany;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A CRM system pushing {@code opportunity.won} events through connector-service, as the
 * {@code crm-connector} client (client credentials), registered on first use if no one did.
 */
final class Connector {

    static final String CLIENT = "crm-connector";
    private static final String[] PRODUCTS = {"licences", "support", "formation", "migration", "audit", "renouvellement"};

    private final StackClient stack;
    private final SyntheticCompany company;
    private final String run;
    private final String secret;

    /**
     * The cards' owners: people of the demo company (deploy/seed/10-business.sh hires them; jules, who left, is not
     * one). connector-service maps a card only when its owner is a person profile-service announced, so an owner
     * cannot be a synthetic login nobody hired.
     */
    static final String[] OWNERS = {"alice", "bob", "carol", "dave", "emma", "farid", "gaelle", "hugo", "ines", "karima"};

    /** The public community the bench addresses its cards to (public: cc'd to the organisation, so everyone may see them). */
    static final String TEAM = "bench-cards";

    Connector(StackClient stack, SyntheticCompany company, String run, String secret) {
        this.stack = stack;
        this.company = company;
        this.run = run;
        this.secret = secret;
    }

    /**
     * Creates the cards' community as a community manager if it does not exist yet, then waits until
     * connector-service has heard of it ({@link #awaitMappable}).
     */
    void ensureTeam(String managerLogin, String password) {
        StackClient.Answer a = stack.post("feed", "/api/communities", stack.personToken(managerLogin, password),
                "{\"slug\":\"" + TEAM + "\",\"name\":\"Bench cards\",\"description\":\"Business cards sent by the benchmark\","
                        + "\"visibility\":\"public\"}");
        if (!a.ok() && a.status() != 409) {
            throw new IllegalStateException("could not create community " + TEAM + ": " + a.status() + " " + abbreviate(a.body()));
        }
        awaitMappable(TEAM);
    }

    /**
     * Waits (at most 120 s) until connector-service maps a card for {@code team} from each owner: its dry run answers
     * 200 (nothing stored or sent). It learns communities from relais.activities and people from relais.profiles
     * asynchronously, and a card for a community or owner it has not heard of is a dead letter, not a card.
     */
    void awaitMappable(String team) {
        for (int i = 0; i < OWNERS.length; i++) {
            String owner = OWNERS[i];
            String probe = event(i, null, team, owner).put("eventId", "bench-probe-" + run + "-" + i).toString();
            StackClient.Answer[] last = new StackClient.Answer[1];
            try {
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    last[0] = stack.post("connector", "/api/connectors/crm/events/dry-run", token(), probe);
                    return last[0].ok();
                });
            } catch (ConditionTimeoutException e) {
                throw new IllegalStateException("connector-service still cannot map a card for " + team + " owned by " + owner
                        + ": " + last[0].status() + " " + abbreviate(last[0].body()));
            }
        }
    }

    String token() {
        return stack.clientToken(CLIENT, secret);
    }

    /** Makes sure the client may post as crm; registers it (as the demo admin carol) otherwise. */
    void ensureRegistered() {
        StackClient.Answer me = stack.get("connector", "/api/connectors/me", token());
        if (me.ok() && me.body().contains("\"crm\"")) return;
        String admin = stack.personToken("carol", "carol");
        StackClient.Answer put = stack.put("connector", "/api/connectors/registrations/" + CLIENT, admin,
                "{\"sources\":[\"crm\"],\"defaultAudience\":\"organisation\",\"system\":\"salesforce\",\"systemName\":\"Salesforce\"}");
        if (!put.ok()) throw new IllegalStateException("could not register " + CLIENT + ": " + put.status() + " " + put.body());
    }

    /** One event; {@code marker} is a word that makes its card findable. */
    ObjectNode event(long seq, String marker) {
        return event(seq, marker, TEAM);
    }

    /** One event for the given team (the community its card is addressed to). */
    ObjectNode event(long seq, String marker, String team) {
        return event(seq, marker, team, OWNERS[new SplittableRandom(seq * 17 + run.hashCode()).nextInt(OWNERS.length)]);
    }

    /** One event for the given team, owned by {@code ownerLogin} (one of {@link #OWNERS}). */
    ObjectNode event(long seq, String marker, String team, String ownerLogin) {
        SplittableRandom rnd = new SplittableRandom(seq * 31 + run.hashCode());
        SyntheticCompany.Person owner = company.person(rnd.nextInt(company.size()));
        String id = "bench-" + run + "-" + seq;
        ObjectNode e = StackClient.JSON.createObjectNode();
        e.put("eventType", "opportunity.won");
        e.put("eventId", id);
        e.put("occurredAt", Instant.now().toString());
        ObjectNode d = e.putObject("data");
        d.put("opportunityId", id);
        d.put("name", (marker == null ? "" : marker + " ") + PRODUCTS[rnd.nextInt(PRODUCTS.length)] + " " + owner.department());
        d.put("account", owner.displayName().split(" ")[1] + " " + (rnd.nextBoolean() ? "SA" : "GmbH"));
        d.put("amount", 1000 * (1 + rnd.nextInt(900)));
        d.put("currency", "EUR");
        d.put("owner", ownerLogin);
        d.put("team", team);
        return e;
    }

    /** A batch of {@code size} events numbered from {@code firstSeq}; returns how many were published. */
    long sendBatch(long firstSeq, int size) {
        return post(batch(firstSeq, size), false);
    }

    private ArrayNode batch(long firstSeq, int size) {
        ArrayNode batch = StackClient.JSON.createArrayNode();
        for (int i = 0; i < size; i++) batch.add(event(firstSeq + i, null));
        return batch;
    }

    /** Posts a batch; a resend ({@code resent}: the same body again) counts the events that come back as duplicates too. */
    private long post(ArrayNode batch, boolean resent) {
        int size = batch.size();
        StackClient.Answer a = stack.post("connector", "/api/connectors/crm/events/batch", token(), batch.toString());
        if (a.status() == 503) {
            String retryAfter = a.header("retry-after");
            throw new Unavailable("batch answered 503: " + abbreviate(a.body()),
                    retryAfter != null && retryAfter.matches("\\d{1,4}") ? Long.parseLong(retryAfter) : 5);
        }
        if (!a.ok()) throw new IllegalStateException("batch answered " + a.status() + ": " + abbreviate(a.body()));
        long published = a.json().path("published").asLong() + (resent ? a.json().path("duplicates").asLong() : 0);
        if (published < size) {
            throw new IllegalStateException("only " + published + " of " + size + " published: " + abbreviate(a.body()));
        }
        return published;
    }

    /**
     * The first batch of a run, sent as the endpoint's contract tells a business system to: a 503 (Kafka did not
     * acknowledge in time; a connector-service that just started may still be compiling its path) is sent again
     * after its Retry-After (at most 3 times, each wait capped at 10 s; the events published the first time come back
     * as duplicates). Any other failure, or a fourth 503, throws as {@link #sendBatch} does.
     *
     * @return how many of the batch's events the last answer says were published or were duplicates of published ones
     */
    long probeBatch(long firstSeq, int size) throws InterruptedException {
        ArrayNode batch = batch(firstSeq, size); // the same events each time: a resend is recognised as such
        for (int attempt = 1; ; attempt++) {
            try {
                return post(batch, attempt > 1);
            } catch (Unavailable e) {
                if (attempt > 3) throw e;
                probeRetries++;
                Thread.sleep(Math.min(10, Math.max(1, e.retryAfterSeconds)) * 1000L); // the server's Retry-After, bounded
            }
        }
    }

    /** How many times {@link #probeBatch} sent its batch again after a 503 (reported with the run). */
    int probeRetries;

    /** A batch answered 503 (Kafka unavailable): the contract says send it again after Retry-After seconds. */
    static final class Unavailable extends IllegalStateException {
        final long retryAfterSeconds;

        Unavailable(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** One event; returns the card's object IRI from the receipt. */
    String send(long seq, String marker, String team) {
        StackClient.Answer a = stack.post("connector", "/api/connectors/crm/events", token(), event(seq, marker, team).toString());
        if (a.status() != 202) throw new IllegalStateException("event answered " + a.status() + ": " + abbreviate(a.body()));
        return a.json().path("objectId").asText();
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
