package io.relais.feed.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server-sent-event streams connected to THIS replica: each person's own stream, and the thread streams of the
 * threads people have open ({@code /api/live/threads/{postId}}), by thread and person. Each replica reads the
 * activities topic with its own consumer group, so it learns of every item and pushes it to its own
 * connections: no sticky sessions, no shared registry.
 * <p>
 * Every event is HTML's server-sent event and nothing more: {@code event:} and {@code data:} lines (the data is JSON
 * text, serialised here). An event is built without a media type: RESTEasy Reactive writes one given to
 * {@code OutboundSseEvent.Builder.mediaType} as a {@code content-type:} line of its own into the event, a field the
 * spec does not define.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);

    public static final String FEED_ITEM = "feed-item";
    /**
     * A post or card that may be on my open page was deleted or hidden from me by moderation: {@link LiveRemoved}
     * (its author and its moderators, who still read a hidden one, are not told).
     */
    public static final String FEED_ITEM_REMOVED = "feed-item-removed";
    /**
     * A post or card that may be on my open page changed and I still see it (its writer's edit, its link preview, its
     * system's Update, a moderator's decision its author still sees): {@link LiveUpdated}; the page reads it again.
     */
    public static final String FEED_ITEM_UPDATED = "feed-item-updated";
    public static final String NOTIFICATION = "notification";
    /**
     * Notifications left my list (their post or comment deleted or hidden, their reaction taken back, the person who
     * caused them erased): {@link LiveTakenBack}.
     */
    public static final String NOTIFICATIONS_TAKEN_BACK = "notifications-taken-back";
    /** Notifications back in my list (a moderator's restore): {@link LiveShownAgain}. */
    public static final String NOTIFICATIONS_SHOWN_AGAIN = "notifications-shown-again";
    public static final String READY = "ready";
    /** On a thread stream: a comment was created, edited or deleted (see {@link LiveComment}). */
    public static final String COMMENT = "comment";

    @Inject
    ObjectMapper json;

    private record Connection(SseEventSink sink, Sse sse) {
    }

    @Inject
    LiveConfig config;

    @Inject
    Vertx vertx;

    private final Map<String, List<Connection>> byPerson = new ConcurrentHashMap<>();

    /** Open thread streams: thread (root post IRI) → person → their streams of that thread. */
    private final Map<String, Map<String, List<Connection>>> byThread = new ConcurrentHashMap<>();

    /**
     * Registers a person's stream until {@code until}, the expiry of the token it was opened with: a stream is
     * authorised once, when it opens, so it is closed then (the browser's EventSource opens a new one through the web
     * app with the session's current token; a person whose session ended gets no more). The person's oldest streams
     * beyond {@link LiveConfig#maxStreamsPerPerson()} are closed.
     */
    void connect(String person, SseEventSink sink, Sse sse, Instant until) {
        Connection c = new Connection(sink, sse);
        closeAt(until, c, () -> drop(person, c));
        List<Connection> mine = byPerson.computeIfAbsent(person, p -> new CopyOnWriteArrayList<>());
        mine.add(c);
        while (mine.size() > config.maxStreamsPerPerson()) {
            Connection oldest = mine.remove(0);
            oldest.sink().close();
        }
        // tells the client (and tests) that the stream is registered and pushes will follow
        send(person, c, sse.newEventBuilder().name(READY).data("{}").build());
    }

    /**
     * Registers a stream of one thread for a person the caller has checked may see it, until {@code until} (the
     * token's expiry, as {@link #connect}); the person's oldest streams of that thread beyond
     * {@link LiveConfig#maxStreamsPerPerson()} are closed.
     */
    void connectThread(String thread, String person, SseEventSink sink, Sse sse, Instant until) {
        Connection c = new Connection(sink, sse);
        closeAt(until, c, () -> dropThread(thread, person, c));
        List<Connection> mine = byThread.computeIfAbsent(thread, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(person, p -> new CopyOnWriteArrayList<>());
        mine.add(c);
        while (mine.size() > config.maxStreamsPerPerson()) {
            mine.remove(0).sink().close();
        }
        sendThread(thread, person, c, sse.newEventBuilder().name(READY).data("{}").build());
    }

    /** The people with this thread open on this replica. */
    public Set<String> watchersOf(String thread) {
        Map<String, List<Connection>> watchers = byThread.get(thread);
        return watchers == null ? Set.of() : Set.copyOf(watchers.keySet());
    }

    /** Whether anyone has a thread open on this replica. */
    public boolean watchesThreads() {
        return !byThread.isEmpty();
    }

    /** Sends an event to one person's streams of one thread. */
    public void pushThread(String thread, String person, String event, Object data) {
        Map<String, List<Connection>> watchers = byThread.get(thread);
        List<Connection> connections = watchers == null ? null : watchers.get(person);
        if (connections == null) return;
        String payload = serialised(data);
        for (Connection c : connections) {
            sendThread(thread, person, c, c.sse().newEventBuilder().name(event).data(payload).build());
        }
    }

    public Set<String> connectedPeople() {
        return byPerson.keySet();
    }

    public boolean isEmpty() {
        return byPerson.isEmpty();
    }

    public void push(String person, String event, Object data) {
        List<Connection> connections = byPerson.get(person);
        if (connections == null) return;
        String payload = serialised(data);
        for (Connection c : connections) {
            send(person, c, c.sse().newEventBuilder().name(event).data(payload).build());
        }
    }

    /** A comment line every ~20 s keeps proxies from closing idle streams and finds dead ones. */
    @Scheduled(every = "{feed.live.heartbeat:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        byPerson.forEach((person, connections) -> connections.forEach(c ->
                send(person, c, c.sse().newEventBuilder().comment("heartbeat").build())));
        byThread.forEach((thread, watchers) -> watchers.forEach((person, connections) -> connections.forEach(c ->
                sendThread(thread, person, c, c.sse().newEventBuilder().comment("heartbeat").build()))));
    }

    /** Closes the stream at that instant (at once if it is past), then forgets it. */
    private void closeAt(Instant until, Connection c, Runnable forget) {
        long delay = Math.max(1, Duration.between(Instant.now(), until).toMillis());
        vertx.setTimer(delay, timer -> {
            forget.run();
            if (!c.sink().isClosed()) c.sink().close();
        });
    }

    private String serialised(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("live payload does not serialise", e);
        }
    }

    private void sendThread(String thread, String person, Connection c, OutboundSseEvent event) {
        if (c.sink().isClosed()) {
            dropThread(thread, person, c);
            return;
        }
        c.sink().send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debugf("thread stream of %s on %s closed: %s", person, thread, failure.getMessage());
                dropThread(thread, person, c);
            }
        });
    }

    private void dropThread(String thread, String person, Connection c) {
        byThread.computeIfPresent(thread, (t, watchers) -> {
            watchers.computeIfPresent(person, (p, list) -> {
                list.remove(c);
                return list.isEmpty() ? null : list;
            });
            return watchers.isEmpty() ? null : watchers;
        });
    }

    private void send(String person, Connection c, OutboundSseEvent event) {
        if (c.sink().isClosed()) {
            drop(person, c);
            return;
        }
        c.sink().send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debugf("live stream of %s closed: %s", person, failure.getMessage());
                drop(person, c);
            }
        });
    }

    private void drop(String person, Connection c) {
        byPerson.computeIfPresent(person, (p, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
        });
    }
}
