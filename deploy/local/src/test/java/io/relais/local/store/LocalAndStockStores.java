package io.relais.local.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local store's backend ({@link LocalStoreBackend}, on a file) and mongo-java-server's stock H2 backend (in
 * memory) side by side, each behind its own server and MongoDB client, for tests that check the local store answers
 * what the stock server answers. Both databases are named {@code relais}.
 */
final class LocalAndStockStores implements AutoCloseable {

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    /** The database of the local store's backend. */
    final MongoDatabase local;

    /** The same database on the stock server. */
    final MongoDatabase stock;

    LocalAndStockStores(Path folder) {
        local = database(new MongoServer(LocalStoreBackend.open(folder.resolve("relais.mv"))));
        stock = database(new MongoServer(new H2Backend(MVStore.open(null))));
    }

    private MongoDatabase database(MongoServer server) {
        servers.add(server);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        clients.add(client);
        return client.getDatabase("relais");
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdown);
    }
}
