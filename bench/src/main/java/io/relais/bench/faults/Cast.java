package io.relais.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.bench.harness.Progress;
import io.relais.bench.stack.StackClient;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The people and communities of one campaign run, made through the public APIs: employees created in
 * Keycloak's {@code relais} realm (admin API, role {@code employee}, password = login) so that each has a
 * real token, and per phase a set of public communities whose members are a slice of those people.
 *
 * <p>Why so many people and communities: feed-service keeps at most 300 entries per community timeline
 * and day and at most 200 notifications per person and day (newest kept). An item evicted by those caps
 * would look lost, so the cast is sized from the planned load to stay well below both.
 */
final class Cast {

    private final StackClient stack;
    private final String run;
    private final List<String> logins = new ArrayList<>();

    Cast(StackClient stack, String run) {
        this.stack = stack;
        this.run = run;
    }

    List<String> logins() {
        return logins;
    }

    String login(int i) {
        return logins.get(Math.floorMod(i, logins.size()));
    }

    String token(int i) {
        String l = login(i);
        return stack.personToken(l, l);
    }

    /** Creates {@code count} employees {@code fz<run>u<i>} in Keycloak and logs each in once. */
    void hire(int count, String adminPassword) throws Exception {
        // admin-cli tokens live 60 s: ask the (caching) client for one per call
        StackClient.Answer role = stack.keycloakAdmin("GET", "/roles/employee", stack.adminToken(adminPassword), null);
        if (!role.ok()) throw new IllegalStateException("Keycloak has no role employee: " + role.status() + " " + role.body());
        String roleJson = "[" + role.body() + "]";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String login = String.format("fz%su%03d", run, i);
                made.add(pool.submit(() -> {
                    ObjectNode u = StackClient.JSON.createObjectNode();
                    u.put("username", login).put("enabled", true).put("emailVerified", true)
                            .put("email", login + "@relais.example").put("firstName", "Fiable").put("lastName", login);
                    u.putArray("credentials").addObject().put("type", "password").put("value", login).put("temporary", false);
                    StackClient.Answer created = stack.keycloakAdmin("POST", "/users", stack.adminToken(adminPassword), u.toString());
                    if (created.status() != 201) {
                        throw new IllegalStateException("creating " + login + " answered " + created.status() + " " + created.body());
                    }
                    String location = created.header("location");
                    String id = location.substring(location.lastIndexOf('/') + 1);
                    StackClient.Answer granted = stack.keycloakAdmin("POST", "/users/" + id + "/role-mappings/realm",
                            stack.adminToken(adminPassword), roleJson);
                    if (!granted.ok()) throw new IllegalStateException("role for " + login + ": " + granted.status());
                    // a first visit to one's profile creates it; profile-service announces it, and only people it
                    // announced can be added to a community (feed-service refuses unknown logins)
                    StackClient.Answer me = stack.get("profile", "/api/people/me", stack.personToken(login, login));
                    if (!me.ok()) throw new IllegalStateException("profile of " + login + ": " + me.status() + " " + me.body());
                    return login;
                }));
            }
            for (Future<String> f : made) logins.add(f.get());
        } finally {
            pool.shutdownNow();
        }
        Progress.say("  %d employees created in Keycloak and logged in", logins.size());
    }

    /**
     * Public communities {@code fz<run>-<phase>-<k>} for one phase; community {@code k} has as members the people
     * whose index ≡ k (mod count), the first of them its owner (so each post reaches a handful of home
     * timelines, not every person of the run).
     */
    List<String> communities(String phase, int count) {
        List<String> slugs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String slug = "fz" + run + "-" + phase + "-" + k;
            String owner = token(k);
            StackClient.Answer a = stack.post("feed", "/api/communities", owner, "{\"slug\":\"" + slug
                    + "\",\"name\":\"Fault campaign " + run + " " + phase + " " + k + "\",\"description\":\"Reliability campaign\","
                    + "\"visibility\":\"public\"}");
            if (!a.ok() && a.status() != 409) throw new IllegalStateException("community " + slug + ": " + a.status() + " " + a.body());
            ObjectNode body = StackClient.JSON.createObjectNode();
            ArrayNode list = body.putArray("logins");
            if (k != 0) list.add(logins.get(0)); // the reader of every projection is a member everywhere
            for (int i = k + count; i < logins.size(); i += count) list.add(logins.get(i));
            if (!list.isEmpty()) {
                // feed-service learns new people from relais.profiles shortly after their first visit: retry while
                // it still answers "not a known person", within a bound
                StackClient.Answer[] imported = new StackClient.Answer[1];
                try {
                    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                        imported[0] = stack.post("feed", "/api/communities/" + slug + "/members", owner, body.toString());
                        return imported[0].ok() || !imported[0].body().contains("is not a known person");
                    });
                } catch (ConditionTimeoutException e) {
                    // reported below with the last answer
                }
                if (!imported[0].ok()) {
                    throw new IllegalStateException("members of " + slug + ": " + imported[0].status() + " " + imported[0].body());
                }
            }
            slugs.add(slug);
        }
        return slugs;
    }

    static String text(JsonNode n, String field) {
        return n.path(field).asText(null);
    }
}
