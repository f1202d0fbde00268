package io.relais.connector.delivery;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import io.relais.connector.source.SourceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bson.conversions.Bson;

/**
 * Counters per source and client, kept in one document per source and client ({@code _id} = {@code
 * <source>:<clientId>}, {@code $inc}: survives restarts and adds up across replicas) and as the Prometheus counter
 * {@code relais_connector_events_total{source,outcome}}. A connector reads only its own document: two systems may
 * post as one source (a second CRM beside Salesforce), and one's counts and last error (which quotes its events'
 * fields, logins and ids) are not the other's to read. An administrator reads the source's sum, documents written
 * before the counters were per client ({@code _id} = the source) included.
 */
@ApplicationScoped
public class SourceStats {

    static final String COLLECTION = "source_stats";

    public enum Outcome {
        RECEIVED, REJECTED, PUBLISHED, DUPLICATE, DEAD_LETTERED, UNAVAILABLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        String field() {
            return switch (this) {
                case RECEIVED -> "received";
                case REJECTED -> "rejected";
                case PUBLISHED -> "published";
                case DUPLICATE -> "duplicates";
                case DEAD_LETTERED -> "deadLettered";
                case UNAVAILABLE -> "unavailable";
            };
        }
    }

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    MeterRegistry meters;

    /** Counts one outcome of an event {@code clientId} sent as {@code source}. */
    public void count(SourceType source, String clientId, Outcome outcome) {
        meters.counter("relais.connector.events", "source", source.id(), "outcome", outcome.id()).increment();
        collection().updateOne(Filters.eq("_id", id(source, clientId)),
                Updates.combine(Updates.inc(outcome.field(), 1L), owner(source, clientId)), new UpdateOptions().upsert(true));
    }

    /** A batch's counts in one write ({@code $inc} of every non-zero outcome). */
    public void countAll(SourceType source, String clientId, Map<Outcome, Long> counts) {
        List<Bson> incs = new ArrayList<>();
        counts.forEach((outcome, n) -> {
            if (n == null || n <= 0) return;
            meters.counter("relais.connector.events", "source", source.id(), "outcome", outcome.id()).increment(n);
            incs.add(Updates.inc(outcome.field(), n));
        });
        if (incs.isEmpty()) return;
        incs.add(owner(source, clientId));
        collection().updateOne(Filters.eq("_id", id(source, clientId)), Updates.combine(incs), new UpdateOptions().upsert(true));
    }

    /** Counts the outcome and remembers the error as the client's last one for the source. */
    public void countError(SourceType source, String clientId, Outcome outcome, String error) {
        meters.counter("relais.connector.events", "source", source.id(), "outcome", outcome.id()).increment();
        String shortError = error == null ? "" : error.length() > 500 ? error.substring(0, 500) + "…" : error;
        collection().updateOne(Filters.eq("_id", id(source, clientId)), Updates.combine(Updates.inc(outcome.field(), 1L),
                Updates.set("lastError", new Document("at", new Date()).append("outcome", outcome.id())
                        .append("message", shortError)), owner(source, clientId)), new UpdateOptions().upsert(true));
    }

    /** The counters of what {@code clientId} sent as {@code source}: what a connector may read. */
    public SourceStatsView read(SourceType source, String clientId) {
        return view(source, List.of(Optional.ofNullable(collection().find(Filters.eq("_id", id(source, clientId))).first())
                .orElseGet(Document::new)));
    }

    /** The counters of every client of {@code source} added up, with the latest last error: an administrator's view. */
    public SourceStatsView read(SourceType source) {
        List<Document> docs = new ArrayList<>();
        collection().find(Filters.or(Filters.eq("_id", source.id()), Filters.eq("source", source.id()))).forEach(docs::add);
        return view(source, docs);
    }

    private static SourceStatsView view(SourceType source, List<Document> docs) {
        long[] sums = new long[6];
        Document last = null;
        for (Document d : docs) {
            sums[0] += n(d, "received");
            sums[1] += n(d, "rejected");
            sums[2] += n(d, "published");
            sums[3] += n(d, "duplicates");
            sums[4] += n(d, "deadLettered");
            sums[5] += n(d, "unavailable");
            Document e = d.get("lastError", Document.class);
            if (e != null && (last == null || e.getDate("at").after(last.getDate("at")))) last = e;
        }
        return new SourceStatsView(source.id(), sums[0], sums[1], sums[2], sums[3], sums[4], sums[5],
                last == null ? null : new SourceStatsView.LastError(last.getDate("at").toInstant(),
                        last.getString("outcome"), last.getString("message")));
    }

    private static String id(SourceType source, String clientId) {
        return source.id() + ":" + clientId;
    }

    /** Whose counters a document holds, so the administrator's sum finds every client's. */
    private static Bson owner(SourceType source, String clientId) {
        return Updates.combine(Updates.set("source", source.id()), Updates.set("clientId", clientId));
    }

    private static long n(Document d, String field) {
        Number v = d.get(field, Number.class);
        return v == null ? 0 : v.longValue();
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
