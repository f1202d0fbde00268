package io.relais.feed.activity;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The store commands the service's own MongoDB client sends from one thread while a test runs something there
 * (Quarkus registers every {@link CommandListener} bean on its client). Commands of other threads (the live
 * consumers, the outbox relay, schedulers) are not recorded.
 */
@ApplicationScoped
public class StoreCommands implements CommandListener {

    private static final ThreadLocal<List<Command>> RECORDING = new ThreadLocal<>();
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

    /**
     * One command as sent.
     *
     * @param name       the command ({@code find}, {@code update}, {@code insert}…)
     * @param collection the collection it is about
     * @param documents  how many documents it names: inserted documents, update or delete statements, or the
     *                   {@code _id}s of an {@code _id $in} read (1 for any other read)
     */
    public record Command(String name, String collection, int documents) {
        public boolean isWrite() {
            return WRITES.contains(name);
        }
    }

    /** Runs the work on this thread and answers the commands it sent, in order. */
    public static List<Command> during(Runnable work) {
        List<Command> sent = new ArrayList<>();
        RECORDING.set(sent);
        try {
            work.run();
        } finally {
            RECORDING.remove();
        }
        return sent;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        List<Command> sent = RECORDING.get();
        if (sent == null) return;
        String name = event.getCommandName();
        BsonDocument command = event.getCommand();
        BsonValue collection = command.get(name);
        sent.add(new Command(name, collection != null && collection.isString() ? collection.asString().getValue() : "",
                documents(name, command)));
    }

    private static int documents(String name, BsonDocument command) {
        for (String list : List.of("documents", "updates", "deletes")) {
            if (command.get(list) instanceof BsonArray a) return a.size();
        }
        if ("find".equals(name) && command.get("filter") instanceof BsonDocument filter
                && filter.get("_id") instanceof BsonDocument id && id.get("$in") instanceof BsonArray in) {
            return in.size();
        }
        return 1;
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
    }
}
