package io.relais.feed.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server-sent-event streams connected to THIS replica, by person. Each replica reads the
 * activities topic with its own consumer group, so it learns of every item and pushes it to its own
 * connections: no sticky sessions, no shared registry.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);

    public static final String FEED_ITEM = "feed-item";
    public static final String NOTIFICATION = "notification";
    public static final String READY = "ready";

    @Inject
    ObjectMapper json;

    private record Connection(SseEventSink sink, Sse sse) {
    }

    @Inject
    LiveConfig config;

    private final Map<String, List<Connection>> byPerson = new ConcurrentHashMap<>();

    void connect(String person, SseEventSink sink, Sse sse) {
        Connection c = new Connection(sink, sse);
        List<Connection> mine = byPerson.computeIfAbsent(person, p -> new CopyOnWriteArrayList<>());
        mine.add(c);
        while (mine.size() > config.maxStreamsPerPerson()) {
            Connection oldest = mine.remove(0);
            oldest.sink().close();
        }
        // tells the client (and tests) that the stream is registered and pushes will follow
        send(person, c, sse.newEventBuilder().name(READY).data("{}").mediaType(MediaType.APPLICATION_JSON_TYPE).build());
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
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("live payload does not serialise", e);
        }
        for (Connection c : connections) {
            send(person, c, c.sse().newEventBuilder().name(event).data(payload)
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).build());
        }
    }

    /** A comment line every ~20 s keeps proxies from closing idle streams and finds dead ones. */
    @Scheduled(every = "{feed.live.heartbeat:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        byPerson.forEach((person, connections) -> connections.forEach(c ->
                send(person, c, c.sse().newEventBuilder().comment("heartbeat").build())));
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
