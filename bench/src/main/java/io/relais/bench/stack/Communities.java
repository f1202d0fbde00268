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

    /** What building one community cost. */
    record Built(String slug, long members, long imported, double importSeconds) {
        double membersPerSecond() {
            return importSeconds <= 0 ? 0 : imported / importSeconds;
        }
    }

    Communities(StackClient stack, String owner, String ownerPassword) {
        this.stack = stack;
        this.owner = owner;
        this.ownerPassword = ownerPassword;
    }

    /** A public community {@code slug} with {@code size} members: the owner, synthetic people, and {@code reader} last. */
    Built ensure(String slug, int size, String reader) {
        String token = stack.personToken(owner, ownerPassword);
        StackClient.Answer created = stack.post("feed", "/api/communities", token, "{\"slug\":\"" + slug + "\",\"name\":\"Bench "
                + slug + "\",\"description\":\"Fan-out benchmark, " + size + " members\",\"visibility\":\"public\"}");
        if (!created.ok() && created.status() != 409) {
            throw new IllegalStateException("could not create " + slug + ": " + created.status() + " " + Connector.abbreviate(created.body()));
        }
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
        return new Built(slug, memberCount(slug, token), imported, seconds);
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
