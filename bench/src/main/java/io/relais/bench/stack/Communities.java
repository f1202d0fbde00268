package io.relais.bench.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.bench.harness.Progress;

import java.util.ArrayList;
import java.util.List;

/**
 * Communities of a given size for the fan-out scenarios, made through the stack's own APIs: the synthetic
 * members are hired first through connector-service ({@code employee.hired} events of the {@code hr-connector}
 * client, batches of 200 to {@code POST /api/connectors/hr/events/batch}; a re-run resends the same event ids,
 * which the connector answers from its receipts), because feed-service imports only people profile-service has
 * published; then the owner creates a public community and imports them in chunks ({@code POST
 * /api/communities/{slug}/members}, the bulk path HR provisioning uses), and the reader last, so that in push mode
 * the reader's home timeline is written last of all members'.
 */
final class Communities {

    static final int CHUNK = 5_000;

    private final StackClient stack;
    private final String owner;
    private final String ownerPassword;
    private final String bootstrap;
    private final String hrSecret;

    /**
     * What building one community cost: the import itself, then how long the consumers took to apply the
     * Join activities it published (a series starts on a settled stack, not behind 50,000 Joins).
     */
    record Built(String slug, long members, long imported, double importSeconds, double settleSeconds) {
        double membersPerSecond() {
            return importSeconds <= 0 ? 0 : imported / importSeconds;
        }
    }

    /** @param hrSecret the {@code hr-connector} client's secret (the demo realm's, unless {@code --hr-secret}) */
    Communities(StackClient stack, String owner, String ownerPassword, String bootstrap, String hrSecret) {
        this.stack = stack;
        this.owner = owner;
        this.ownerPassword = ownerPassword;
        this.bootstrap = bootstrap;
        this.hrSecret = hrSecret;
    }

    /** A public community {@code slug} with {@code size} members: the owner, synthetic people, and {@code reader} last. */
    Built ensure(String slug, int size, String reader) {
        String token = stack.personToken(owner, ownerPassword);
        StackClient.Answer created = stack.post("feed", "/api/communities", token, "{\"slug\":\"" + slug + "\",\"name\":\"Bench "
                + slug + "\",\"description\":\"Fan-out benchmark, " + size + " members\",\"visibility\":\"public\"}");
        if (!created.ok() && created.status() != 409) {
            throw new IllegalStateException("could not create " + slug + ": " + created.status() + " " + Connector.abbreviate(created.body()));
        }
        long logBefore = logEnd();
        List<String> logins = new ArrayList<>(size);
        for (int i = 0; i < size - 2; i++) logins.add(String.format("bench.m%06d", i)); // owner and reader complete it
        hire(logins);
        long imported = 0;
        long start = System.nanoTime();
        for (int from = 0; from < logins.size(); from += CHUNK) {
            imported += importMembers(slug, logins.subList(from, Math.min(logins.size(), from + CHUNK)), token);
            Progress.say("  [%s] %,d of %,d members", slug, Math.min(logins.size(), from + CHUNK), size);
        }
        imported += importMembers(slug, List.of(reader), token);
        double seconds = (System.nanoTime() - start) / 1e9;
        long settleStart = System.nanoTime();
        awaitJoinsApplied(logBefore + imported);
        return new Built(slug, memberCount(slug, token), imported, seconds, (System.nanoTime() - settleStart) / 1e9);
    }

    /** Until the import's Joins are in the log (feed-service's outbox relays them) and every live group has read them. */
    private void awaitJoinsApplied(long logTarget) {
        try (ConsumerProgress consumers = new ConsumerProgress(bootstrap)) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(300))
                    .pollInterval(java.time.Duration.ofMillis(250)).until(() -> {
                        long end = consumers.logEnd();
                        return end >= logTarget && consumers.lags().values().stream().allMatch(l -> l == 0);
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Progress.say("  consumers still behind the import after 300 s; the series starts anyway");
        }
    }

    private long logEnd() {
        try (ConsumerProgress consumers = new ConsumerProgress(bootstrap)) {
            return consumers.logEnd();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the activities log: " + e.getMessage(), e);
        }
    }

    /**
     * Hires the synthetic people through the HR connector (batches of {@value #HIRE_BATCH}), so that profile-service
     * publishes their profiles and feed-service knows them; a person hired by an earlier run is answered from the
     * connector's receipt and changes nothing.
     */
    private void hire(List<String> logins) {
        String token = stack.clientToken("hr-connector", hrSecret);
        for (int from = 0; from < logins.size(); from += HIRE_BATCH) {
            ArrayNode batch = StackClient.JSON.createArrayNode();
            for (String login : logins.subList(from, Math.min(logins.size(), from + HIRE_BATCH))) {
                ObjectNode e = batch.addObject();
                e.put("eventType", "employee.hired");
                e.put("eventId", "bench-hire-" + login);
                e.put("occurredAt", "2026-01-05T08:00:00Z");
                ObjectNode d = e.putObject("data");
                d.put("login", login);
                d.put("displayName", "Bench " + login.substring(login.indexOf('.') + 1));
                d.put("email", login + "@relais.example");
                d.put("title", "Synthetic member");
                d.put("department", "Benchmark");
                d.put("startDate", "2026-01-05");
            }
            StackClient.Answer a = stack.post("connector", "/api/connectors/hr/events/batch", token, batch.toString());
            if (!a.ok()) throw new IllegalStateException("hiring bench members answered " + a.status() + ": "
                    + Connector.abbreviate(a.body()));
            if (from % 5_000 == 0) Progress.say("  hired %,d of %,d bench members", Math.min(logins.size(), from + HIRE_BATCH), logins.size());
        }
    }

    static final int HIRE_BATCH = 200;

    /**
     * Imports a chunk; while feed-service does not know every hired person yet (their profiles are on their way
     * through profile-service and the profiles topic), it answers 400 "is not a known person" and the import is
     * asked again every second, for at most {@value #KNOWN_WAIT_SECONDS} s.
     */
    private long importMembers(String slug, List<String> logins, String token) {
        ObjectNode body = StackClient.JSON.createObjectNode();
        ArrayNode list = body.putArray("logins");
        logins.forEach(list::add);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(KNOWN_WAIT_SECONDS).toNanos();
        StackClient.Answer[] last = {null};
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(KNOWN_WAIT_SECONDS))
                    .pollInterval(java.time.Duration.ofSeconds(1)).until(() -> {
                        last[0] = stack.post("feed", "/api/communities/" + slug + "/members", token, body.toString());
                        return last[0].ok() || !(last[0].status() == 400 && last[0].body().contains("is not a known person"))
                                || System.nanoTime() > deadline;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below with the last answer
        }
        StackClient.Answer a = last[0];
        if (a == null || !a.ok()) throw new IllegalStateException("member import into " + slug + " answered "
                + (a == null ? "nothing" : a.status() + ": " + Connector.abbreviate(a.body())));
        return a.json().path("added").asLong();
    }

    static final int KNOWN_WAIT_SECONDS = 300;

    private long memberCount(String slug, String token) {
        StackClient.Answer a = stack.get("feed", "/api/communities/" + slug, token);
        return a.ok() ? a.json().path("memberCount").asLong(-1) : -1;
    }
}
