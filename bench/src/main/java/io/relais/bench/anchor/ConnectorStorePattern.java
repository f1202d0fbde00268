package io.relais.bench.anchor;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.relais.bench.harness.OpenLoop;
import io.relais.bench.harness.Report;
import io.relais.bench.harness.Section;
import io.relais.local.store.LocalStoreBackend;
import io.relais.local.store.StoreServer;
import org.bson.Document;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store traffic of one connector batch, replayed on the same backend two ways: as
 * connector-service does it today (per event, in sequence: count "received" on the source's stats
 * document, claim the receipt, read the audience community's visibility, mark the receipt published,
 * count "published": five round trips per event), and batched (one {@code $inc} per outcome per batch,
 * one unordered insertMany of the receipts, one community read, one bulkWrite of the publications:
 * five round trips per batch). Kafka is left out: it is the same in both.
 */
public final class ConnectorStorePattern {

    public record Figures(double perEventPerSecond, double batchedPerSecond) {
    }

    private ConnectorStorePattern() {
    }

    public static Figures measure(int batch, Duration duration, Section out) throws Exception {
        Path file = Files.createTempDirectory("relais-bench-pattern-").resolve("store.mv");
        StoreServer server = new StoreServer(LocalStoreBackend.open(file));
        InetSocketAddress addr = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + addr.getPort())) {
            MongoDatabase db = client.getDatabase("relais_bench_connector");
            MongoCollection<Document> stats = db.getCollection("source_stats");
            MongoCollection<Document> receipts = db.getCollection("receipts");
            MongoCollection<Document> communities = db.getCollection("communities");
            communities.insertOne(new Document("_id", "urn:relais:community:sales").append("visibility", "public"));
            UpdateOptions upsert = new UpdateOptions().upsert(true);
            AtomicLong seq = new AtomicLong();

            OpenLoop.Result perEvent = OpenLoop.saturate("connector pattern today", duration, 1, n -> {
                for (int i = 0; i < batch; i++) {
                    String id = "crm:bench-" + seq.incrementAndGet();
                    stats.updateOne(Filters.eq("_id", "crm"), Updates.inc("received", 1L), upsert);
                    receipts.insertOne(receipt(id));
                    communities.find(Filters.eq("_id", "urn:relais:community:sales")).first();
                    receipts.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", "published"),
                            Updates.set("updated", new Date())));
                    stats.updateOne(Filters.eq("_id", "crm"), Updates.inc("published", 1L), upsert);
                }
            });
            OpenLoop.Result batched = OpenLoop.saturate("connector pattern batched", duration, 1, n -> {
                List<Document> claims = new ArrayList<>(batch);
                List<WriteModel<Document>> published = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    String id = "crm:bench-" + seq.incrementAndGet();
                    claims.add(receipt(id));
                    published.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(
                            Updates.set("status", "published"), Updates.set("updated", new Date()))));
                }
                stats.updateOne(Filters.eq("_id", "crm"), Updates.inc("received", (long) batch), upsert);
                receipts.insertMany(claims, new InsertManyOptions().ordered(false));
                communities.find(Filters.eq("_id", "urn:relais:community:sales")).first();
                receipts.bulkWrite(published, new BulkWriteOptions().ordered(false));
                stats.updateOne(Filters.eq("_id", "crm"), Updates.inc("published", (long) batch), upsert);
            });
            double today = perEvent.completed() * batch / perEvent.seconds();
            double grouped = batched.completed() * batch / batched.seconds();
            out.row("connector store traffic as today (5 sequential round trips per event), batches of " + batch,
                            Report.num(today) + " events/s (" + perEvent.completed() + " batches in " + Report.num(perEvent.seconds()) + " s)")
                    .row("the same traffic batched (5 round trips per batch)",
                            Report.num(grouped) + " events/s (" + batched.completed() + " batches; " + Report.ratio(grouped, today) + ")")
                    .note("Replays connector-service's store traffic per batch on its own embedded store (the local stack's backend, H2 on disk); "
                            + "see the optimisation pass in docs/BENCHMARKS.md.");
            return new Figures(today, grouped);
        } finally {
            server.close();
            try (var files = Files.walk(file.getParent())) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static Document receipt(String id) {
        return new Document("_id", id).append("source", "crm").append("eventType", "opportunity.won")
                .append("eventId", id.substring(4)).append("clientId", "crm-connector").append("status", "accepted")
                .append("activityId", "urn:relais:activity:" + id.substring(4))
                .append("objectId", "urn:relais:event:" + id.substring(4)).append("attempts", 1)
                .append("received", new Date()).append("updated", new Date());
    }
}
