package io.relais.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.bench.stack.StackClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads what every projection holds, through the same public APIs a person uses, and compares it with a
 * phase's {@link Ledger}: each accepted item must be found exactly once in each projection that should
 * hold it. Nothing here reads a service's database.
 *
 * <ul>
 *   <li><b>community feeds</b> — posts and CRM cards, in their community's feed paged with its cursor
 *       ({@code GET /api/feed/communities/{slug}}, 50 a page);</li>
 *   <li><b>threads</b> — comments, in their post's thread ({@code GET /api/posts/{id}}, paged);</li>
 *   <li><b>notifications</b> — each comment notifies the post's author ({@code reply}, paged
 *       {@code GET /api/notifications} as that author);</li>
 *   <li><b>reaction counts</b> — each accepted reaction is among the post's reactors
 *       ({@code GET /api/posts/{id}/reactions}); a count above the reactors listed is a duplicate;</li>
 *   <li><b>search</b> — posts, comments, cards, hires (the welcome card and the person) by their marker
 *       ({@code GET /api/search?q=<phase marker>*&sort=recent}, paged);</li>
 *   <li><b>profiles</b> — each hire's profile exists with the title HR sent ({@code GET /api/people/{login}};
 *       keyed by login, so it cannot be doubled: duplicates are always 0 there).</li>
 * </ul>
 */
final class Projections {

    /** One projection's comparison: accepted items expected, found once, missing, found more than once. */
    record Check(String projection, long expected, long found, long lost, long duplicates, List<String> examples,
                 Set<String> lostItems, Set<String> duplicatedItems) {
        boolean clean() {
            return lost == 0 && duplicates == 0;
        }
    }

    private final StackClient stack;
    private final Cast cast;

    Projections(StackClient stack, Cast cast) {
        this.stack = stack;
        this.cast = cast;
    }

    List<Check> verify(Ledger ledger, List<String> communities, String markerPrefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Check> out = new ArrayList<>();
            out.add(feeds(ledger, communities, pool));
            out.add(threads(ledger, pool));
            out.add(notifications(ledger, pool));
            out.add(reactions(ledger, pool));
            out.add(search(ledger, markerPrefix));
            out.add(profiles(ledger, pool));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Check feeds(Ledger ledger, List<String> communities, ExecutorService pool) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        List<Callable<List<String>>> reads = new ArrayList<>();
        for (String slug : communities) {
            reads.add(() -> paged("feed", "/api/feed/communities/" + slug + "?limit=50", cast.token(0), "items",
                    "next", "cursor", item -> item.path("post").path("id").asText()));
        }
        for (Future<List<String>> f : pool.invokeAll(reads)) f.get().forEach(id -> seen.merge(id, 1, Integer::sum));
        Map<String, String> expected = same(ledger.posts().keySet());
        expected.putAll(same(ledger.cards().keySet()));
        return compare("community feeds (posts, CRM cards)", expected, seen);
    }

    private Check threads(Ledger ledger, ExecutorService pool) throws Exception {
        Map<String, List<String>> byPost = new LinkedHashMap<>();
        ledger.comments().values().forEach(c -> byPost.computeIfAbsent(c.post(), k -> new ArrayList<>()).add(c.iri()));
        Map<String, String> unanswered = ledger.unansweredComments();
        unanswered.values().forEach(p -> byPost.computeIfAbsent(p, k -> new ArrayList<>()));
        Map<String, Integer> seen = new HashMap<>();
        List<Callable<List<String>>> reads = new ArrayList<>();
        for (String post : byPost.keySet()) {
            // "id marker-or-empty": the marker of an unanswered comment found in the thread, to follow it into search
            reads.add(() -> paged("feed", "/api/posts/" + StackClient.encode(post) + "?limit=50", cast.token(0), "comments",
                    "next", "cursor", c -> c.path("id").asText() + " " + unansweredMarkerIn(c.path("content").asText(), unanswered)));
        }
        Map<String, String> ghosts = new LinkedHashMap<>();
        for (Future<List<String>> f : pool.invokeAll(reads)) {
            for (String entry : f.get()) {
                String id = entry.substring(0, entry.indexOf(' '));
                String marker = entry.substring(entry.indexOf(' ') + 1);
                seen.merge(id, 1, Integer::sum);
                if (!marker.isEmpty()) ghosts.put(id, marker);
            }
        }
        unansweredWritten = ghosts;
        unansweredSent = unanswered.size();
        return compare("threads (comments)", same(ledger.comments().keySet()), seen);
    }

    /** Unanswered comments found written in their thread (comment IRI → marker), from the last {@link #verify}. */
    private Map<String, String> unansweredWritten = Map.of();
    private int unansweredSent;
    private String unansweredNote = "";

    /**
     * What became of the comments whose request got no answer (or a 5xx): how many were written anyway (found
     * in their thread), and of those how many other services heard of (found in search). Written but not in
     * search = a change no event announced.
     */
    String unansweredNote() {
        return unansweredNote;
    }

    private static String unansweredMarkerIn(String content, Map<String, String> unanswered) {
        for (String marker : unanswered.keySet()) {
            if (content.contains(marker + " ")) return marker;
        }
        return "";
    }

    private Check notifications(Ledger ledger, ExecutorService pool) throws Exception {
        Map<Integer, List<String>> byRecipient = new LinkedHashMap<>();
        ledger.comments().values().forEach(c -> byRecipient.computeIfAbsent(c.postAuthor(), k -> new ArrayList<>()).add(c.iri()));
        Map<String, Integer> seen = new HashMap<>();
        List<Callable<List<String>>> reads = new ArrayList<>();
        for (int recipient : byRecipient.keySet()) {
            reads.add(() -> paged("feed", "/api/notifications?limit=50", cast.token(recipient), "items", "next", "cursor",
                    n -> "reply".equals(n.path("kind").asText()) || "mention".equals(n.path("kind").asText())
                            ? n.path("object").asText() : ""));
        }
        for (Future<List<String>> f : pool.invokeAll(reads)) f.get().forEach(id -> seen.merge(id, 1, Integer::sum));
        return compare("notifications (a reply per comment)", same(ledger.comments().keySet()), seen);
    }

    private Check reactions(Ledger ledger, ExecutorService pool) throws Exception {
        Map<String, Set<String>> accepted = ledger.reactionsAccepted();
        Map<String, Future<StackClient.Answer>> reads = new LinkedHashMap<>();
        for (String post : accepted.keySet()) {
            reads.put(post, pool.submit(() -> stack.get("feed", "/api/posts/" + StackClient.encode(post) + "/reactions",
                    cast.token(0))));
        }
        long expected = 0, found = 0, lost = 0, dup = 0;
        List<String> examples = new ArrayList<>();
        Set<String> lostItems = new java.util.TreeSet<>();
        Set<String> dupItems = new java.util.TreeSet<>();
        for (var e : reads.entrySet()) {
            Set<String> mine = accepted.get(e.getKey());
            expected += mine.size();
            StackClient.Answer a = e.getValue().get();
            if (!a.ok()) {
                lost += mine.size();
                mine.forEach(login -> lostItems.add(e.getKey() + "|" + login));
                if (examples.size() < 5) examples.add(e.getKey() + " answered " + a.status());
                continue;
            }
            JsonNode r = a.json();
            List<String> people = new ArrayList<>();
            r.path("people").forEach(p -> people.add(p.path("person").path("login").asText(
                    p.path("person").path("iri").asText(p.path("person").path("id").asText()))));
            long counted = 0;
            for (var c : r.path("counts").properties()) counted += c.getValue().asLong();
            for (String login : mine) {
                boolean listed = people.stream().anyMatch(p -> p.equals(login) || p.endsWith(":" + login));
                if (listed) found++;
                else {
                    lost++;
                    lostItems.add(e.getKey() + "|" + login);
                    if (examples.size() < 5) examples.add("reaction of " + login + " on " + e.getKey());
                }
            }
            // a count above the people listed counts someone twice; ghost reactions (sent, never answered) may add
            // reactors, so only a count above the reactions ever sent to the post is certainly a duplicate
            long excess = Math.max(counted - people.size(), counted - ledger.reactionsSentTo(e.getKey()));
            if (excess > 0) {
                dup += excess;
                dupItems.add(e.getKey() + "|count");
                if (examples.size() < 5) examples.add(e.getKey() + " counts " + counted + " for " + people.size() + " reactors");
            }
        }
        return new Check("reaction counts", expected, found - Math.min(found, dup), lost, dup, examples, lostItems, dupItems);
    }

    private Check search(Ledger ledger, String markerPrefix) {
        Map<String, Integer> seen = new HashMap<>();
        paged("search", "/api/search?q=" + StackClient.encode(markerPrefix + "x*") + "&sort=recent&limit=50", cast.token(0),
                "hits", "nextCursor", "cursor", h -> h.path("id").asText()).forEach(id -> seen.merge(id, 1, Integer::sum));
        Map<String, String> expected = same(ledger.posts().keySet());
        expected.putAll(same(ledger.comments().keySet()));
        expected.putAll(same(ledger.cards().keySet()));
        ledger.hires().values().forEach(h -> {
            expected.put(h.cardIri(), h.login());
            expected.put("urn:relais:person:" + h.login(), h.login());
        });
        long announced = unansweredWritten.keySet().stream().filter(seen::containsKey).count();
        unansweredNote = unansweredSent == 0 ? "" : String.format(java.util.Locale.ROOT,
                "comments without an answer (cut by the fault): %d sent, %d written anyway (in their thread), %d of those "
                        + "announced (in search), %d written but never announced%s", unansweredSent, unansweredWritten.size(),
                announced, unansweredWritten.size() - announced,
                unansweredWritten.size() - announced == 0 ? "" : " (e.g. " + unansweredWritten.keySet().stream()
                        .filter(id -> !seen.containsKey(id)).findFirst().orElse("") + ")");
        return compare("search (posts, comments, cards, hired people and their welcome cards)", expected, seen);
    }

    private Check profiles(Ledger ledger, ExecutorService pool) throws Exception {
        Map<String, Future<StackClient.Answer>> reads = new LinkedHashMap<>();
        for (Ledger.Hire h : ledger.hires().values()) {
            reads.put(h.login(), pool.submit(() -> stack.get("profile", "/api/people/" + h.login(), cast.token(0))));
        }
        long found = 0, lost = 0;
        List<String> examples = new ArrayList<>();
        Set<String> lostItems = new java.util.TreeSet<>();
        Map<String, Ledger.Hire> hires = ledger.hires();
        for (var e : reads.entrySet()) {
            StackClient.Answer a = e.getValue().get();
            boolean ok = a.ok() && hires.get(e.getKey()).title().equals(a.json().path("title").asText());
            if (ok) found++;
            else {
                lost++;
                lostItems.add(e.getKey());
                if (examples.size() < 5) examples.add(e.getKey() + " (" + a.status() + ")");
            }
        }
        return new Check("profiles (HR hires → title)", hires.size(), found, lost, 0, examples, lostItems, Set.of());
    }

    /** Every element of every page, following {@code nextField} into the {@code cursorParam} query parameter. */
    private List<String> paged(String service, String path, String token, String itemsField, String nextField,
                               String cursorParam, Function<JsonNode, String> id) {
        List<String> out = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 2_000; page++) {
            String url = cursor == null ? path : path + "&" + cursorParam + "=" + StackClient.encode(cursor);
            StackClient.Answer a = stack.get(service, url, token);
            if (!a.ok()) throw new IllegalStateException("GET " + service + url + " answered " + a.status() + " " + a.body());
            JsonNode body = a.json();
            body.path(itemsField).forEach(n -> {
                String v = id.apply(n);
                if (v != null && !v.isEmpty()) out.add(v);
            });
            JsonNode next = body.path(nextField);
            if (next.isMissingNode() || next.isNull() || next.asText().isEmpty() || body.path(itemsField).isEmpty()) break;
            cursor = next.asText();
        }
        return out;
    }

    /** {@code expected}: the id the projection shows → the ledger item it stands for. */
    static Check compare(String projection, Map<String, String> expected, Map<String, Integer> seen) {
        long found = 0, lost = 0, dup = 0;
        List<String> examples = new ArrayList<>();
        Set<String> lostItems = new java.util.TreeSet<>();
        Set<String> dupItems = new java.util.TreeSet<>();
        for (var e : expected.entrySet()) {
            String id = e.getKey();
            int n = seen.getOrDefault(id, 0);
            if (n == 1) found++;
            else if (n == 0) {
                lost++;
                lostItems.add(e.getValue());
                if (examples.size() < 5) examples.add("missing " + id);
            } else {
                dup++;
                dupItems.add(e.getValue());
                if (examples.size() < 5) examples.add(n + "× " + id);
            }
        }
        return new Check(projection, expected.size(), found, lost, dup, examples, lostItems, dupItems);
    }

    private static Map<String, String> same(java.util.Collection<String> ids) {
        Map<String, String> m = new LinkedHashMap<>();
        ids.forEach(id -> m.put(id, id));
        return m;
    }
}
