package io.relais.local.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.Map;

/**
 * mongo-java-server's H2 collection, without checking again what a unique index already matched exactly, and
 * with its data size computed when asked instead of kept up to date on every write.
 *
 * <p>The stock collection finds the documents of a query through an index that can answer it, then runs the query
 * matcher on each document found. For a key look-up — every filter names exactly the keys of a unique index, each
 * equal to a string or an object id, or {@code $in} a list of them, which is how the stack reads and writes hot data —
 * the index's answer is exact, and the matcher's work is quadratic in an {@code $in}: each document found is
 * compared with every listed value, through value normalisation that builds streams. Under connector ingest this
 * was 12% of the store's CPU samples. Such a query, when an index answers it, skips the matcher; any other query,
 * and a key look-up that no index answers (the collection is scanned), is matched as before.
 *
 * <p>The stock collection also keeps its data size (the sum of its documents' BSON sizes, reported by
 * {@code collStats}) current on every write: it encodes the document before and after each update and rewrites
 * the collection's metadata entry, i.e. twice the work of the update itself for a timeline bucket. Nothing of the
 * stack reads that size on a hot path, so here it is summed over the documents when {@code collStats} asks.
 */
final class KeyedCollection extends H2Collection {

    /** The key look-up this thread is running through an index, whose documents need no second match. */
    private static final ThreadLocal<Document> EXACT = new ThreadLocal<>();

    private final MVMap<Object, Document> dataMap;

    KeyedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                    MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
        this.dataMap = dataMap;
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** The documents' BSON sizes summed now, in bytes (capped at {@code Integer.MAX_VALUE}, as the stock field is an int). */
    @Override
    protected int getDataSize() {
        if (dataMap == null) {
            // asked by the stock constructor (for a debug line) before this one ran: its stored figure, not a pass
            // over every document of every collection at each start
            return super.getDataSize();
        }
        long bytes = 0;
        ByteBuf bson = Unpooled.buffer(256);
        try {
            for (Document document : dataMap.values()) {
                bson.clear();
                BsonEncoder.encodeDocument(document, bson);
                bytes += bson.writerIndex();
            }
        } finally {
            bson.release();
        }
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (!isKeyLookup(query)) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        EXACT.set(query);
        try {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        } finally {
            EXACT.remove();
        }
    }

    /** The scan, when no index answers the query: every document is matched. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        EXACT.remove();
        return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        return query == EXACT.get() || super.documentMatchesQuery(document, query);
    }

    /**
     * True for a filter of only equalities to strings or object ids, or {@code $in} lists of them, on top-level
     * fields: the shape a unique index answers exactly (when the fields are its keys; the stock code checks that).
     */
    static boolean isKeyLookup(Document query) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> field : query.entrySet()) {
            if (field.getKey().startsWith("$") || field.getKey().contains(".")) {
                return false;
            }
            Object value = field.getValue();
            if (value instanceof Document condition) {
                if (condition.size() != 1 || !(condition.get("$in") instanceof Collection<?> values)) {
                    return false;
                }
                for (Object v : values) {
                    if (!isKeyValue(v)) {
                        return false;
                    }
                }
            } else if (!isKeyValue(value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKeyValue(Object value) {
        return value instanceof String || value instanceof ObjectId;
    }
}
