package io.relais.feed.feedview;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import jakarta.inject.Singleton;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The MongoDB driver's command listener (Quarkus registers every {@link CommandListener} bean with its client),
 * recording the commands the current thread sends while {@link #of} runs: what one read costs in store round trips.
 * Commands of other threads (consumers, the outbox relay) are not recorded.
 */
@Singleton
public class StoreCommands implements CommandListener {

    /** One command sent to the store: its name ({@code find}, {@code update}…) and the collection it names. */
    public record Sent(String command, String collection) {
        @Override
        public String toString() {
            return command + " " + collection;
        }
    }

    private final ThreadLocal<List<Sent>> recording = new ThreadLocal<>();

    /** Runs {@code read} on this thread and answers the commands it sent, in order. */
    public <T> Recorded<T> of(Supplier<T> read) {
        List<Sent> sent = new ArrayList<>();
        recording.set(sent);
        try {
            T value = read.get();
            return new Recorded<>(value, List.copyOf(sent));
        } finally {
            recording.remove();
        }
    }

    /** What a read answered and the commands it sent. */
    public record Recorded<T>(T value, List<Sent> commands) {
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        List<Sent> sent = recording.get();
        if (sent == null) return;
        BsonValue target = event.getCommand().get(event.getCommandName());
        sent.add(new Sent(event.getCommandName(), target != null && target.isString() ? target.asString().getValue() : "-"));
    }
}
