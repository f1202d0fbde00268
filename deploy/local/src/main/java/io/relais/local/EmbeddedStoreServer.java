package io.relais.local;

import io.relais.local.store.LocalStoreBackend;
import io.relais.local.store.StoreServer;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local store: a MongoDB wire-protocol server whose data lives in one H2 file, so it survives
 * {@code ./relais down} / {@code up}. Production uses a real MongoDB replica set through the same
 * connection string. The backend is {@link LocalStoreBackend} (mongo-java-server's H2 backend with cheaper
 * index-key comparisons), the same one the bench's raw store anchor measures, served by {@link StoreServer} (each
 * connection's commands on a thread of its own, so a keyed read never queues behind another connection's bulk write).
 *
 * <p>Usage: {@code EmbeddedStoreServer <data file> [port] [host]} (defaults 27017, 127.0.0.1).
 * Stops cleanly on SIGTERM: the H2 file is closed (and compacted) before the JVM exits.
 */
public final class EmbeddedStoreServer {

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args[0].equals("--help")) {
            System.err.println("usage: EmbeddedStoreServer <data file> [port=27017] [host=127.0.0.1]");
            System.exit(args.length < 1 ? 2 : 0);
        }
        Path dataFile = Path.of(args[0]).toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        String host = args.length > 2 ? args[2] : "127.0.0.1";
        Files.createDirectories(dataFile.getParent());

        StoreServer server = new StoreServer(LocalStoreBackend.open(dataFile));
        server.bind(new InetSocketAddress(host, port));
        System.out.printf("store listening on %s:%d, data in %s%n", host, port, dataFile);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("store stopping");
            // close() closes client connections first, then the backend (which closes the H2 file)
            server.close();
            System.out.println("store stopped");
            stopped.countDown();
        }, "store-shutdown"));
        stopped.await();
    }

    private EmbeddedStoreServer() {
    }
}
