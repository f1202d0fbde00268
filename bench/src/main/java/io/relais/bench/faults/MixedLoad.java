package io.relais.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.bench.company.Texts;
import io.relais.bench.stack.StackClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady mixed load at a fixed offered rate (open loop: request {@code i} is due at {@code start + i/rate}
 * whatever happened before), written into a {@link Ledger}. Out of every 20 requests: 4 posts into the
 * phase's communities, 5 comments and 7 reactions on recent posts of the phase, 3 CRM cards
 * ({@code opportunity.won}, crm-connector) addressed to those communities and 1 HR hire
 * ({@code employee.hired}, hr-connector). Every item carries a unique lowercase marker word
 * ({@code fz<run><phase>x<n>}) that search must find exactly once.
 *
 * <p>A request more than 2 s behind its schedule is skipped (counted, never sent): when a fault stalls
 * every worker, the load resumes at its rate after recovery instead of bursting the backlog.
 */
final class MixedLoad {

    private static final int[] MIX = {0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 4};
    private static final String[] KINDS = {"post", "comment", "reaction", "crm card", "hr hire"};

    private final StackClient stack;
    private final Cast cast;
    private final Ledger ledger;
    private final List<String> communities;
    private final String markerPrefix;
    private final String crmSecret;
    private final String hrSecret;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong next = new AtomicLong();
    private final List<Thread> workers = new ArrayList<>();

    MixedLoad(StackClient stack, Cast cast, Ledger ledger, List<String> communities, String markerPrefix,
              String crmSecret, String hrSecret) {
        this.stack = stack;
        this.cast = cast;
        this.ledger = ledger;
        this.communities = communities;
        this.markerPrefix = markerPrefix;
        this.crmSecret = crmSecret;
        this.hrSecret = hrSecret;
    }

    /** Starts {@code workerCount} workers issuing {@code rate} requests per second until {@link #stop()}. */
    MixedLoad start(double rate, int workerCount) {
        long period = Math.max(1, Math.round(1_000_000_000.0 / rate));
        long start = System.nanoTime() + 20_000_000L;
        for (int w = 0; w < workerCount; w++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    long seq = next.getAndIncrement();
                    long intended = start + seq * period;
                    long wait;
                    while ((wait = intended - System.nanoTime()) > 0 && !stop.get()) {
                        LockSupport.parkNanos(Math.min(wait, 50_000_000L));
                    }
                    if (stop.get()) return;
                    if (System.nanoTime() - intended > 2_000_000_000L) {
                        ledger.skipped.incrementAndGet();
                        continue;
                    }
                    call(seq);
                }
            }, "fault-load-" + w);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        return this;
    }

    /** Stops issuing and waits for the requests in flight (each is bounded by the client's timeout). */
    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread t : workers) t.join(90_000);
    }

    private void call(long seq) {
        SplittableRandom rnd = new SplittableRandom(seq * 7919 + markerPrefix.hashCode());
        int kind = MIX[(int) (seq % MIX.length)];
        if ((kind == 1 || kind == 2) && ledger.recentPost(rnd) == null) kind = 0; // no thread yet: start one
        String marker = markerPrefix + "x" + seq;
        try {
            switch (kind) {
                case 0 -> post(rnd, marker);
                case 1 -> comment(rnd, marker);
                case 2 -> react(rnd);
                case 3 -> card(seq, rnd, marker);
                default -> hire(seq, marker);
            }
        } catch (RuntimeException e) {
            ledger.refused(KINDS[kind], "no answer");
        }
    }

    private void post(SplittableRandom rnd, String marker) {
        int author = rnd.nextInt(cast.logins().size());
        String community = communities.get(author % communities.size());
        ObjectNode body = StackClient.JSON.createObjectNode();
        body.putObject("audience").put("community", community);
        body.put("content", "<p>" + marker + " " + Texts.post(rnd, rnd.nextBoolean() ? "fr" : "en") + "</p>");
        ledger.sent("post");
        StackClient.Answer a = stack.post("feed", "/api/posts", cast.token(author), body.toString());
        if (a.status() == 201 || a.status() == 200) {
            ledger.post(new Ledger.Post(a.json().path("id").asText(), author, community, marker));
        } else {
            ledger.refused("post", Integer.toString(a.status()));
        }
    }

    private void comment(SplittableRandom rnd, String marker) {
        Ledger.Post p = ledger.recentPost(rnd);
        int author = p.author() + 1 + rnd.nextInt(cast.logins().size() - 1); // never the post's author: they would not be notified
        ledger.sent("comment");
        StackClient.Answer a;
        try {
            a = stack.post("feed", "/api/posts/" + StackClient.encode(p.iri()) + "/comments", cast.token(author),
                    "{\"content\":\"<p>" + marker + " " + Texts.post(rnd, "fr").replace("\"", "") + "</p>\"}");
        } catch (RuntimeException e) {
            ledger.unansweredComment(marker, p.iri());
            throw e;
        }
        if (a.status() >= 500) ledger.unansweredComment(marker, p.iri());
        if (a.status() == 201 || a.status() == 200) {
            ledger.comment(new Ledger.Comment(a.json().path("id").asText(), p.iri(), Math.floorMod(author, cast.logins().size()),
                    p.author(), marker));
        } else {
            ledger.refused("comment", Integer.toString(a.status()));
        }
    }

    private void react(SplittableRandom rnd) {
        Ledger.Post p = ledger.recentPost(rnd);
        for (int attempt = 0; attempt < 5; attempt++) {
            int who = rnd.nextInt(cast.logins().size());
            String login = cast.login(who);
            if (!ledger.reactionSent(p.iri(), login)) continue;
            ledger.sent("reaction");
            StackClient.Answer a = stack.put("feed", "/api/posts/" + StackClient.encode(p.iri()) + "/reactions/mine",
                    cast.token(who), "{\"kind\":\"like\"}");
            if (a.ok()) ledger.reaction(p.iri(), login);
            else ledger.refused("reaction", Integer.toString(a.status()));
            return;
        }
    }

    private void card(long seq, SplittableRandom rnd, String marker) {
        String team = communities.get(rnd.nextInt(communities.size()));
        ObjectNode e = envelope("opportunity.won", marker);
        ObjectNode d = e.putObject("data");
        d.put("opportunityId", "FZ-" + markerPrefix + "-" + seq);
        d.put("name", marker + " Portail fournisseurs");
        d.put("account", "Transports Lemoine");
        d.put("amount", 1000 * (1 + rnd.nextInt(900)));
        d.put("currency", "EUR");
        d.put("owner", cast.login(rnd.nextInt(cast.logins().size())));
        d.put("team", team);
        ledger.sent("crm card");
        JsonNode receipt = connector("crm", "crm-connector", crmSecret, e, "crm card");
        if (receipt != null && "dead-lettered".equals(receipt.path("status").asText())) {
            // accepted but not published: the connector had not heard of the community or the owner (the phase
            // starts once every consumer group caught up on their Create and profiles, so this is a finding)
            ledger.refused("crm card", "dead-lettered");
        } else if (receipt != null) {
            ledger.card(new Ledger.Card(receipt.path("objectId").asText(), team, marker));
        }
    }

    private void hire(long seq, String marker) {
        String login = marker; // unique, lowercase letters and digits
        String title = "Ingenieure fiabilite " + marker;
        ObjectNode e = envelope("employee.hired", marker);
        ObjectNode d = e.putObject("data");
        d.put("login", login);
        d.put("displayName", "Fiable " + marker);
        d.put("email", login + "@relais.example");
        d.put("title", title);
        d.put("department", "Fiabilite");
        d.put("startDate", "2026-12-01");
        ledger.sent("hr hire");
        JsonNode receipt = connector("hr", "hr-connector", hrSecret, e, "hr hire");
        if (receipt != null) ledger.hire(new Ledger.Hire(login, title, receipt.path("objectId").asText(), marker));
    }

    private ObjectNode envelope(String type, String marker) {
        ObjectNode e = StackClient.JSON.createObjectNode();
        e.put("eventType", type);
        e.put("eventId", "fz-" + marker);
        e.put("occurredAt", Instant.now().toString());
        return e;
    }

    /** Sends one event; the receipt when the connector answered 202 (or 200, a resend), else null. */
    private JsonNode connector(String source, String client, String secret, ObjectNode event, String kind) {
        StackClient.Answer a = stack.post("connector", "/api/connectors/" + source + "/events", stack.clientToken(client, secret),
                event.toString());
        if (a.status() == 202 || a.status() == 200) return a.json();
        if (a.status() == 503) {
            ledger.connector503.incrementAndGet();
            if (a.header("retry-after") != null) ledger.connector503WithRetryAfter.incrementAndGet();
        }
        ledger.refused(kind, Integer.toString(a.status()));
        return null;
    }
}
