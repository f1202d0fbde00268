package io.relais.local.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.MVMap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

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
 *
 * <p>An update by key with update operators ({@code $set}, {@code $push}…, how the stack writes) does not copy the
 * stored document first: the stock collection deep-copies every document it updates (to keep the old version for
 * its indexes and to count it modified), writes the new fields back into the stored instance, and then compares the
 * two versions through value normalisation that copies both again. For a timeline bucket of a hundred entries that
 * was 40% of the store's CPU under connector ingest (JFR, issue 18). Here the indexes and the modified count
 * ({@link #sameNormalised}, the same rule without the copies) are settled from the stored instance before the new
 * fields are written into it, as the stock collection writes them. (Storing the new version as a new object instead
 * measured worse: the page cache then held the old versions too, and the store's heap ran into full collections.)
 * The capped-array push every bucket write is made of is computed here ({@link #cappedPush}) without deep-copying
 * the array the library would copy whole to add one element; any other update's new version is still computed by
 * the library's own
 * update operators ({@code calculateUpdateDocument}, a private method reached by reflection: this stays on the
 * pinned mongo-java-server version, and falls back to the stock path if the method is not found). Every other
 * update (no key, a whole-document replacement, an upsert that inserts) takes the stock path.
 */
final class KeyedCollection extends H2Collection {

    /** The key look-up this thread is running through an index, whose documents need no second match. */
    private static final ThreadLocal<Document> EXACT = new ThreadLocal<>();

    /** The library's update operators: (stored, update, arrayFilters, matchPos, isUpsert) → new document; null if absent. */
    private static final MethodHandle CALCULATE_UPDATE = calculateUpdate();

    /** For the positional operator {@code $}: which array element the filter matched (stateless). */
    private static final QueryMatcher MATCHER = new DefaultQueryMatcher();

    /** The update operators and {@code $push} modifiers of the capped-array push ({@link #cappedPush}). */
    private static final Set<String> CAPPED_PUSH_OPERATORS = Set.of("$push", "$setOnInsert");
    private static final Set<String> CAPPED_PUSH_MODIFIERS = Set.of("$each", "$sort", "$slice");

    private final MVMap<Object, Document> dataMap;

    /**
     * Whose turn it is in this collection, first come first served. The stock collection serialises its commands on
     * its monitor, which is not fair: a bulk write releases it between two statements and takes it again before a
     * waiting read has even been woken, so a keyed read waited for whole bulks of other connections (issue 18). Here
     * each statement and each read takes its turn in arrival order; the monitor below is then never contended.
     */
    private final ReentrantLock turn = new ReentrantLock(true);

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

    /** Runs one command of this collection when its turn comes ({@link #turn}). */
    private <T> T inTurn(Supplier<T> command) {
        turn.lock();
        try {
            return command.get();
        } finally {
            turn.unlock();
        }
    }

    private void inTurn(Runnable command) {
        inTurn(() -> {
            command.run();
            return null;
        });
    }

    @Override
    public QueryResult handleQuery(QueryParameters query) {
        return inTurn(() -> super.handleQuery(query));
    }

    @Override
    public Document handleDistinct(Document query) {
        return inTurn(() -> super.handleDistinct(query));
    }

    @Override
    public void addDocument(Document document) {
        inTurn(() -> super.addDocument(document));
    }

    @Override
    public void addDocuments(Stream<Document> documents) {
        inTurn(() -> super.addDocuments(documents));
    }

    @Override
    public void removeDocument(Document document) {
        inTurn(() -> super.removeDocument(document));
    }

    @Override
    public Document findAndModify(Document query) {
        return inTurn(() -> super.findAndModify(query));
    }

    @Override
    public List<Document> insertDocuments(List<Document> documents, boolean isOrdered) {
        return inTurn(() -> super.insertDocuments(documents, isOrdered));
    }

    @Override
    public int deleteDocuments(Document selector, int limit, Oplog oplog) {
        return inTurn(() -> super.deleteDocuments(selector, limit, oplog));
    }

    @Override
    public void renameTo(MongoDatabase newDatabase, String newCollectionName) {
        inTurn(() -> super.renameTo(newDatabase, newCollectionName));
    }

    /**
     * Applies an update as the stock collection does (same documents, same {@code n} and {@code nModified}, same
     * unique-index errors), without copying the stored documents first when the filter is a key look-up and the
     * update is made of operators (see the class comment).
     */
    @Override
    public Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                    boolean isMulti, boolean isUpsert, Oplog oplog) {
        return inTurn(() -> updateInTurn(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog));
    }

    private Document updateInTurn(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                  boolean isMulti, boolean isUpsert, Oplog oplog) {
        if (CALCULATE_UPDATE == null || !isKeyLookup(selector) || !isOperatorUpdate(updateQuery) || getIndexes().isEmpty()) {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        }
        int matched = 0;
        List<Object> modifiedIds = new ArrayList<>();
        for (Document stored : queryDocuments(selector, null, 0, 0, 0, null)) {
            Document updated = cappedPush(stored, updateQuery, arrayFilters);
            if (updated == null) {
                updated = calculateUpdate(stored, updateQuery, arrayFilters, MATCHER.matchPosition(stored, selector));
            }
            if (!updated.equals(stored)) {
                if (!sameNormalised(stored, updated)) {
                    modifiedIds.add(stored.get(getIdField()));
                }
                writeInto(stored, updated);
            }
            matched++;
            if (!isMulti) {
                break;
            }
        }
        if (matched == 0) {
            // nothing to update: the stock path answers n=0 or inserts the upsert
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        }
        oplog.handleUpdate(getFullName(), selector, updateQuery, modifiedIds);
        Document result = new Document();
        result.put("n", matched);
        result.put("nModified", modifiedIds.size());
        return result;
    }

    /**
     * Indexes moved from the stored version to the updated one (unique keys checked first), then the data entry put
     * again: with the updated values written into the stored instance when the update keeps its fields (no copy of a
     * bucket's entries, and the page cache keeps one version), or with the updated version itself when it adds or
     * removes a field, as the stock collection does. The stored instance may be in a reply being encoded on another
     * connection's thread, or in a page the background writer is serialising, outside this collection's turn:
     * replacing a field's value there is seen whole or not at all, whereas adding or removing a field under an
     * iteration fails it ({@code InPlaceUpdatesTest}: the reply was lost, the connection closed).
     */
    private void writeInto(Document stored, Document updated) {
        List<Index<Object>> indexes = getIndexes();
        for (Index<Object> index : indexes) {
            index.checkUpdate(stored, updated, this);
        }
        Object position = null;
        for (Index<Object> index : indexes) {
            Object p = index.getPosition(stored);
            if (p != null && position != null && !Objects.equals(p, position)) {
                throw new IllegalStateException("indexes disagree on the position of " + stored.get(getIdField()));
            }
            position = p != null ? p : position;
        }
        if (position == null) {
            throw new IllegalStateException("no index holds " + stored.get(getIdField()));
        }
        for (Index<Object> index : indexes) {
            index.updateInPlace(stored, updated, position, this);
        }
        if (!stored.keySet().equals(updated.keySet())) {
            handleUpdate(position, stored, updated);
            return;
        }
        stored.putAll(updated);
        handleUpdate(position, stored, stored);
    }

    /**
     * The new version of a stored document for the capped-array push every timeline, notification and roster bucket
     * write is made of — {@code {$push: {<field>: {$each: [...], $sort: {<keys>: ±1}, $slice: n}}}}, {@code $sort} and
     * {@code $slice} optional, with a {@code $setOnInsert} that leaves a stored document alone — computed as the
     * library's {@code $push} computes it (the new elements appended, the whole array sorted with the same comparator,
     * then sliced) but sharing every untouched value with the stored document instead of deep-copying it: the
     * library copies a bucket's hundred entries to add one. Any other shape (a nested or missing field, a field that
     * is not an array, {@code $position}, a sort of whole elements, array filters) answers null, and the library
     * computes the update.
     *
     * @return the new version (a shallow copy of {@code stored} with a new array), or null for any other update
     */
    static Document cappedPush(Document stored, Document updateQuery, ArrayFilters arrayFilters) {
        if (!arrayFilters.isEmpty() || !CAPPED_PUSH_OPERATORS.containsAll(updateQuery.keySet())
                || !(updateQuery.get("$push") instanceof Document push) || push.size() != 1) {
            return null;
        }
        String field = push.keySet().iterator().next();
        if (field.isEmpty() || field.startsWith("$") || field.contains(".") || field.equals("_id")
                || !(push.get(field) instanceof Document modifiers) || !modifiers.containsKey("$each")
                || !CAPPED_PUSH_MODIFIERS.containsAll(modifiers.keySet())
                || !(modifiers.get("$each") instanceof Collection<?> each)
                || !(stored.get(field) instanceof List<?> existing)) {
            return null;
        }
        Object setOnInsert = updateQuery.get("$setOnInsert");
        if (setOnInsert != null && !(setOnInsert instanceof Document onInsert && onInsert.keySet().stream()
                .noneMatch(k -> k.equals(field) || k.isEmpty() || k.startsWith("$") || k.contains(".")))) {
            return null;
        }
        Document sortKeys = null;
        if (modifiers.containsKey("$sort")) {
            if (!(modifiers.get("$sort") instanceof Document keys) || keys.isEmpty()
                    || !keys.values().stream().allMatch(v -> v instanceof Number)) {
                return null;
            }
            sortKeys = keys;
        }
        Integer slice = null;
        if (modifiers.containsKey("$slice")) {
            if (!(modifiers.get("$slice") instanceof Number n)) {
                return null;
            }
            slice = n.intValue();
        }
        List<Object> elements = new ArrayList<>(existing.size() + each.size());
        elements.addAll(existing);
        elements.addAll(each);
        if (sortKeys != null) {
            elements = sortedByFields(elements, sortKeys);
        }
        if (slice != null) {
            elements = new ArrayList<>(slice < 0
                    ? elements.subList(Math.max(0, elements.size() + slice), elements.size())
                    : elements.subList(0, Math.min(slice, elements.size())));
        }
        Document updated = new Document(stored);
        updated.put(field, elements);
        return updated;
    }

    /** An element of a {@code $push} being sorted, with its sort fields' values (null when it is not a document). */
    private record SortedElement(Object element, Object[] values) {
    }

    /**
     * The elements in the order of the library's {@code $push} {@code $sort} by fields (a stable sort with the
     * library's {@link DocumentComparator} between documents, and its {@link ValueComparator} between a document and
     * anything else), each document's sort values read once: the library's comparator reads them from both documents
     * on every comparison, which was a quarter of the store's CPU under ingest (every timeline bucket write sorts its
     * hundred entries). The same values, comparators and stable sort give the same order ({@code KeyedUpdateTest}).
     * A top-level field (no dot) is read straight from the document, which is what the library's path lookup answers
     * for it: that lookup splits the path with a regular expression and a stream on every call, and on a stack a few
     * minutes old (before the JIT's second tier has compiled it) it was a third of the store's CPU under ingest
     * (issue 18, fifteenth pass).
     *
     * @param keys the {@code $sort} document: field paths, each with a number (positive ascending, else descending)
     * @return a new list holding the same elements
     */
    static List<Object> sortedByFields(List<Object> elements, Document keys) {
        String[] fields = keys.keySet().toArray(String[]::new);
        ValueComparator[] directions = new ValueComparator[fields.length];
        boolean[] topLevel = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            directions[i] = ((Number) keys.get(fields[i])).intValue() > 0 ? ValueComparator.asc() : ValueComparator.desc();
            topLevel[i] = !fields[i].isEmpty() && fields[i].indexOf('.') < 0 && !fields[i].equals("$");
        }
        List<SortedElement> sorted = new ArrayList<>(elements.size());
        for (Object element : elements) {
            Object[] values = null;
            if (element instanceof Document document) {
                values = new Object[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    values[i] = topLevel[i] ? document.getOrMissing(fields[i])
                            : Utils.getSubdocumentValueCollectionAware(document, fields[i]);
                }
            }
            sorted.add(new SortedElement(element, values));
        }
        ValueComparator asValues = ValueComparator.asc();
        sorted.sort((a, b) -> {
            if (a.values() != null && b.values() != null) {
                for (int i = 0; i < fields.length; i++) {
                    int c = directions[i].compare(a.values()[i], b.values()[i]);
                    if (c != 0) return c;
                }
                return 0;
            }
            return a.values() != null || b.values() != null ? asValues.compare(a.element(), b.element()) : 0;
        });
        List<Object> out = new ArrayList<>(sorted.size());
        for (SortedElement e : sorted) out.add(e.element());
        return out;
    }

    private Document calculateUpdate(Document stored, Document updateQuery, ArrayFilters arrayFilters, Integer matchPos) {
        try {
            return (Document) CALCULATE_UPDATE.invoke((AbstractMongoCollection<?>) this, stored, updateQuery, arrayFilters, matchPos, false);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle calculateUpdate() {
        try {
            Method method = AbstractMongoCollection.class.getDeclaredMethod("calculateUpdateDocument",
                    Document.class, Document.class, ArrayFilters.class, Integer.class, boolean.class);
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** True when updates by key take the path without copies (the library's update operators were found). */
    static boolean updatesWithoutCopies() {
        return CALCULATE_UPDATE != null;
    }

    private static boolean isOperatorUpdate(Document updateQuery) {
        if (updateQuery.isEmpty()) {
            return false;
        }
        for (String key : updateQuery.keySet()) {
            if (!key.startsWith("$")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The stock collection's "unchanged" rule for counting an update as modified — equal after normalising both
     * values (numbers compared as doubles, {@code -0.0} as {@code 0.0}, longs a double cannot hold compared as
     * longs, null and missing alike, any collection as a list, any map by its entries) — decided by walking both
     * values instead of building normalised copies of them.
     */
    static boolean sameNormalised(Object a, Object b) {
        if (a == b) {
            return true;
        }
        boolean aNull = Missing.isNullOrMissing(a);
        boolean bNull = Missing.isNullOrMissing(b);
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a instanceof Number x) {
            return b instanceof Number y && sameNumber(x, y);
        }
        if (a instanceof Map<?, ?> x) {
            if (!(b instanceof Map<?, ?> y) || x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!y.containsKey(entry.getKey()) || !sameNormalised(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Collection<?> x) {
            if (!(b instanceof Collection<?> y) || x.size() != y.size()) {
                return false;
            }
            var i = x.iterator();
            var j = y.iterator();
            while (i.hasNext()) {
                if (!sameNormalised(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        // as the stock rule: a normalised map, list or double never equals anything else
        return !(b instanceof Number || b instanceof Map || b instanceof Collection) && a.equals(b);
    }

    private static boolean sameNumber(Number a, Number b) {
        boolean aLong = a instanceof Long l && l != (long) l.doubleValue();
        boolean bLong = b instanceof Long l && l != (long) l.doubleValue();
        if (aLong || bLong) {
            return aLong && bLong && a.longValue() == b.longValue();
        }
        double x = a.doubleValue() == 0.0 ? 0.0 : a.doubleValue();
        double y = b.doubleValue() == 0.0 ? 0.0 : b.doubleValue();
        return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
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
