package io.relais.connector.store;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the store commands this service sends, per command and collection, with the MongoDB driver's own
 * {@link CommandListener} (Quarkus registers every implementation it finds on the class path with the client).
 * Besides commands it counts the documents each one carries (inserted documents, update and delete statements):
 * the keyed operations the store performs. State is static: the client builds its own instance.
 */
public class StoreCommands implements CommandListener {

    /** Commands that write or read documents; the driver's handshakes and heartbeats are not counted. */
    private static final Set<String> COUNTED = Set.of("insert", "update", "delete", "find", "findAndModify",
            "aggregate", "count", "distinct", "getMore");
    private static final Map<String, AtomicLong> COMMANDS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> DOCUMENTS = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        if (!COUNTED.contains(name)) return;
        BsonValue target = event.getCommand().get(name);
        String key = name + " " + event.getDatabaseName() + "." + (target != null && target.isString()
                ? target.asString().getValue() : "?");
        COMMANDS.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        DOCUMENTS.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(carried(name, event.getCommand()));
    }

    private static long carried(String name, BsonDocument command) {
        String field = switch (name) {
            case "insert" -> "documents";
            case "update" -> "updates";
            case "delete" -> "deletes";
            default -> null;
        };
        if (field == null) return 1;
        BsonValue list = command.get(field);
        // the driver may send a bulk's documents as a separate payload, not in the command document
        return list instanceof BsonArray a ? a.size() : 0;
    }

    /** Forgets everything counted so far. */
    public static void reset() {
        COMMANDS.clear();
        DOCUMENTS.clear();
    }

    /** Commands per "{@code command database.collection}" since the last reset, sorted by key. */
    public static Map<String, Long> commands() {
        Map<String, Long> out = new TreeMap<>();
        COMMANDS.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Documents or statements carried per "{@code command database.collection}" since the last reset. */
    public static Map<String, Long> documents() {
        Map<String, Long> out = new TreeMap<>();
        DOCUMENTS.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
