package io.relais.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/**
 * The embedded MongoDB-wire-compatible server (memory backend) on a free port, once per test JVM.
 * Same driver, same wire protocol as production's MongoDB replica set.
 */
public final class EmbeddedStore {

    private static EmbeddedStore shared;

    private final MemoryBackend backend = new KeptBackend();
    private MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedStore() {
        server = new MongoServer(backend);
        address = server.bind(); // binds a free port on localhost
    }

    public static synchronized EmbeddedStore shared() {
        if (shared == null) {
            shared = new EmbeddedStore();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "embedded-store-stop"));
        }
        return shared;
    }

    /**
     * An outage: closes every client connection and stops listening, so that the driver sees refused connections
     * and server-selection timeouts, as with a stopped MongoDB. The data is kept for {@link #start()}.
     */
    public synchronized void stop() {
        server.shutdownNow();
    }

    /** Ends an outage: listens again on the same port, with the data held before {@link #stop()}. */
    public synchronized void start() {
        server = new MongoServer(backend);
        server.bind(address.getHostString(), address.getPort());
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /** The memory backend, whose data survives {@link #stop()} (the server's shutdown closes its backend). */
    private static final class KeptBackend extends MemoryBackend {
        @Override
        public void close() {
            // kept: an outage is not a data loss
        }
    }
}
