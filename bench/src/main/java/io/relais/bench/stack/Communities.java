package io.relais.bench.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.bench.harness.Progress;

import java.util.ArrayList;
import java.util.List;

/**
 * Communities of a given size for the fan-out scenarios, made through feed-service's own APIs: the owner
 * creates a public community, then imports synthetic members in chunks ({@code POST
 * /api/communities/{slug}/members}, the bulk path HR provisioning uses) and the reader last, so that in
 * push mode the reader's home timeline is written last of all members'.
 */
final class Communities {

    static final int CHUNK = 5_000;

    private final StackClient stack;
    private final String owner;
    private final String ownerPassword;
    private final String bootstrap;

    /**
     * What building one community cost: the import itself, then how long the consumers took to apply the
     * Join activities it published (a series starts on a settled stack, not behind 50,000 Joins).
     */
    record Built(String slug, long members, long imported, double importSeconds, double settleSeconds) {
        double membersPerSecond() {
            return importSeconds <= 0 ? 0 : imported / importSeconds;
        }
    }

    Communities(StackClient stack, String owner, String ownerPassword, String bootstrap) {
        this.stack = stack;
        this.owner = owner;
        this.ownerPassword = ownerPassword;
        this.bootstrap = bootstrap;
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

    private long importMembers(String slug, List<String> logins, String token) {
        ObjectNode body = StackClient.JSON.createObjectNode();
        ArrayNode list = body.putArray("logins");
        logins.forEach(list::add);
        StackClient.Answer a = stack.post("feed", "/api/communities/" + slug + "/members", token, body.toString());
        if (!a.ok()) throw new IllegalStateException("member import into " + slug + " answered " + a.status() + ": "
                + Connector.abbreviate(a.body()));
        return a.json().path("added").asLong();
    }

    private long memberCount(String slug, String token) {
        StackClient.Answer a = stack.get("feed", "/api/communities/" + slug, token);
        return a.ok() ? a.json().path("memberCount").asLong(-1) : -1;
    }
}
