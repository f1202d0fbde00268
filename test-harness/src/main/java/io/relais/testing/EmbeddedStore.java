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

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedStore() {
        server = new MongoServer(new MemoryBackend());
        address = server.bind(); // binds a free port on localhost
    }

    public static synchronized EmbeddedStore shared() {
        if (shared == null) {
            shared = new EmbeddedStore();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.server::shutdownNow, "embedded-store-stop"));
        }
        return shared;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }
}
