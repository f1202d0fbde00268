package io.relais.bench.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.bench.company.SyntheticCompany;

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

    /** The public community the bench addresses its cards to (public: cc'd to the organisation, so everyone may see them). */
    static final String TEAM = "bench-cards";

    Connector(StackClient stack, SyntheticCompany company, String run, String secret) {
        this.stack = stack;
        this.company = company;
        this.run = run;
        this.secret = secret;
    }

    /**
     * Creates the cards' community as a community manager if it does not exist yet. Without an explicit
     * team, cards go to the registration's default audience, which may be a community nobody created.
     */
    void ensureTeam(String managerLogin, String password) {
        StackClient.Answer a = stack.post("feed", "/api/communities", stack.personToken(managerLogin, password),
                "{\"slug\":\"" + TEAM + "\",\"name\":\"Bench cards\",\"description\":\"Business cards sent by the benchmark\","
                        + "\"visibility\":\"public\"}");
        if (!a.ok() && a.status() != 409) {
            throw new IllegalStateException("could not create community " + TEAM + ": " + a.status() + " " + abbreviate(a.body()));
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
        d.put("owner", owner.login());
        d.put("team", team);
        return e;
    }

    /** A batch of {@code size} events numbered from {@code firstSeq}; returns how many were published. */
    long sendBatch(long firstSeq, int size) {
        ArrayNode batch = StackClient.JSON.createArrayNode();
        for (int i = 0; i < size; i++) batch.add(event(firstSeq + i, null));
        StackClient.Answer a = stack.post("connector", "/api/connectors/crm/events/batch", token(), batch.toString());
        if (!a.ok()) throw new IllegalStateException("batch answered " + a.status() + ": " + abbreviate(a.body()));
        long published = a.json().path("published").asLong();
        if (published < size) {
            throw new IllegalStateException("only " + published + " of " + size + " published: " + abbreviate(a.body()));
        }
        return published;
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
