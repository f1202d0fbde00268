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
import org.bson.conversions.Bson;

/**
 * Counters per source, kept in one document per source ({@code $inc}: survives restarts and adds up across
 * replicas) and as the Prometheus counter {@code relais_connector_events_total{source,outcome}}.
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

    public void count(SourceType source, Outcome outcome) {
        meters.counter("relais.connector.events", "source", source.id(), "outcome", outcome.id()).increment();
        collection().updateOne(Filters.eq("_id", source.id()), Updates.inc(outcome.field(), 1L), new UpdateOptions().upsert(true));
    }

    /** A batch's counts in one write ({@code $inc} of every non-zero outcome). */
    public void countAll(SourceType source, Map<Outcome, Long> counts) {
        List<Bson> incs = new ArrayList<>();
        counts.forEach((outcome, n) -> {
            if (n == null || n <= 0) return;
            meters.counter("relais.connector.events", "source", source.id(), "outcome", outcome.id()).increment(n);
            incs.add(Updates.inc(outcome.field(), n));
        });
        if (incs.isEmpty()) return;
        collection().updateOne(Filters.eq("_id", source.id()), Updates.combine(incs), new UpdateOptions().upsert(true));
    }

    /** Counts the outcome and remembers the error as the source's last one. */
    public void countError(SourceType source, Outcome outcome, String error) {
        meters.counter("relais.connector.events", "source", source.id(), "outcome", outcome.id()).increment();
        String shortError = error == null ? "" : error.length() > 500 ? error.substring(0, 500) + "…" : error;
        collection().updateOne(Filters.eq("_id", source.id()), Updates.combine(Updates.inc(outcome.field(), 1L),
                Updates.set("lastError", new Document("at", new Date()).append("outcome", outcome.id())
                        .append("message", shortError))), new UpdateOptions().upsert(true));
    }

    public SourceStatsView read(SourceType source) {
        Document d = collection().find(Filters.eq("_id", source.id())).first();
        if (d == null) d = new Document();
        Document last = d.get("lastError", Document.class);
        return new SourceStatsView(source.id(), n(d, "received"), n(d, "rejected"), n(d, "published"),
                n(d, "duplicates"), n(d, "deadLettered"), n(d, "unavailable"),
                last == null ? null : new SourceStatsView.LastError(last.getDate("at").toInstant(),
                        last.getString("outcome"), last.getString("message")));
    }

    private static long n(Document d, String field) {
        Number v = d.get(field, Number.class);
        return v == null ? 0 : v.longValue();
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection(COLLECTION);
    }
}
