package io.relais.bench.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one phase of the campaign sent and what the stack accepted, item by item: only a 2xx answer with
 * its id (feed-service) or a 202/200 receipt (connector-service) makes an item "accepted". Items whose
 * request failed or got no answer are counted as sent, never expected: a kill can leave a ghost item
 * that was written but never answered, and the verification neither counts nor blames it.
 * Thread-safe: every method synchronises on the ledger.
 */
final class Ledger {

    /** An accepted post: its IRI, author (index into the phase's people), community slug, search marker. */
    record Post(String iri, int author, String community, String marker) {
    }

    /** An accepted comment on {@code post}; its notification goes to the post's author. */
    record Comment(String iri, String post, int author, int postAuthor, String marker) {
    }

    /** An accepted business card (crm opportunity.won) addressed to {@code community}. */
    record Card(String iri, String community, String marker) {
    }

    /** An accepted hire (hr employee.hired): a new person {@code login} whose profile title is {@code title}. */
    record Hire(String login, String title, String cardIri, String marker) {
    }

    final String phase;
    private final Map<String, Post> posts = new LinkedHashMap<>();
    private final List<String> postOrder = new ArrayList<>();
    private final Map<String, Comment> comments = new LinkedHashMap<>();
    private final Map<String, Set<String>> reactionsAccepted = new LinkedHashMap<>();
    private final Map<String, Set<String>> reactionsSent = new LinkedHashMap<>();
    private final Map<String, Card> cards = new LinkedHashMap<>();
    private final Map<String, Hire> hires = new LinkedHashMap<>();
    private final Map<String, String> unansweredComments = new LinkedHashMap<>(); // marker -> post IRI
    private final Map<String, long[]> perKind = new TreeMap<>(); // kind -> {sent, accepted}
    private final Map<String, Long> refusals = new TreeMap<>(); // "kind status" -> count
    final AtomicLong connector503 = new AtomicLong();
    final AtomicLong connector503WithRetryAfter = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();

    Ledger(String phase) {
        this.phase = phase;
    }

    synchronized void sent(String kind) {
        perKind.computeIfAbsent(kind, k -> new long[2])[0]++;
    }

    synchronized void refused(String kind, String why) {
        refusals.merge(kind + " " + why, 1L, Long::sum);
    }

    private void accepted(String kind) {
        perKind.computeIfAbsent(kind, k -> new long[2])[1]++;
    }

    synchronized void post(Post p) {
        posts.put(p.iri(), p);
        postOrder.add(p.iri());
        accepted("post");
    }

    synchronized void comment(Comment c) {
        comments.put(c.iri(), c);
        accepted("comment");
    }

    synchronized void card(Card c) {
        cards.put(c.iri(), c);
        accepted("crm card");
    }

    synchronized void hire(Hire h) {
        hires.put(h.login(), h);
        accepted("hr hire");
    }

    /**
     * A comment whose request got no answer or a 5xx: not accepted, but it may have been written. Such a comment
     * is looked for in its thread (the write side's own document) and then in search, which shows whether a
     * write that was never acknowledged was announced anyway or stayed unknown to every other service.
     */
    synchronized void unansweredComment(String marker, String post) {
        unansweredComments.put(marker, post);
    }

    synchronized Map<String, String> unansweredComments() {
        return new LinkedHashMap<>(unansweredComments);
    }

    /** Records that {@code login} asked to react to {@code post}; false if they already did (pick another). */
    synchronized boolean reactionSent(String post, String login) {
        return reactionsSent.computeIfAbsent(post, k -> new LinkedHashSet<>()).add(login);
    }

    synchronized void reaction(String post, String login) {
        reactionsAccepted.computeIfAbsent(post, k -> new LinkedHashSet<>()).add(login);
        accepted("reaction");
    }

    /** One of the most recent accepted posts (comments and reactions go to live threads), or null. */
    synchronized Post recentPost(SplittableRandom rnd) {
        if (postOrder.isEmpty()) return null;
        int window = Math.min(postOrder.size(), 50);
        return posts.get(postOrder.get(postOrder.size() - 1 - rnd.nextInt(window)));
    }

    synchronized Map<String, Post> posts() {
        return new LinkedHashMap<>(posts);
    }

    synchronized Map<String, Comment> comments() {
        return new LinkedHashMap<>(comments);
    }

    synchronized Map<String, Set<String>> reactionsAccepted() {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        reactionsAccepted.forEach((k, v) -> copy.put(k, new LinkedHashSet<>(v)));
        return copy;
    }

    synchronized int reactionsSentTo(String post) {
        return reactionsSent.getOrDefault(post, Set.of()).size();
    }

    synchronized Map<String, Card> cards() {
        return new LinkedHashMap<>(cards);
    }

    synchronized Map<String, Hire> hires() {
        return new LinkedHashMap<>(hires);
    }

    synchronized long sentTotal() {
        return perKind.values().stream().mapToLong(v -> v[0]).sum();
    }

    synchronized long acceptedTotal() {
        return perKind.values().stream().mapToLong(v -> v[1]).sum();
    }

    /** "post 120/118, comment …": sent/accepted per kind. */
    synchronized String perKind() {
        StringBuilder b = new StringBuilder();
        perKind.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(' ').append(v[1]).append('/').append(v[0]));
        return b.toString();
    }

    /** Refused or unanswered requests by kind and status, e.g. "post 503: 12". */
    synchronized String refusals() {
        StringBuilder b = new StringBuilder();
        refusals.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(": ").append(v));
        return b.isEmpty() ? "none" : b.toString();
    }
}
