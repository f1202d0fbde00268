package io.relais.local.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.List;

/**
 * The local stack's store backend, built in this one place for both the store process
 * ({@code EmbeddedStoreServer}) and the bench's raw store anchor, so the anchor measures the server the
 * stack runs: mongo-java-server's H2 backend on one MVStore file, whose collections' data maps write documents
 * as BSON ({@link BsonDocumentType}) and whose unique-index maps use {@link IndexKeyOrder} (same key format,
 * same key order, cheaper comparisons).
 *
 * <p>A data file written by the stock {@link H2Backend} opens here: its documents are read in the stock format,
 * and every document written from then on is BSON. The upgrade is one-way: the stock backend cannot read a
 * document written here (it fails with an {@code MVStoreException}), so going back means exporting the data
 * through the running store and importing it into a fresh file.
 *
 * <p>MVStore settings are H2's defaults except the page cache ({@value #PAGE_CACHE_MB} MB instead of 16): under
 * the stack's connector ingest the store spent 13% of its CPU Java-deserialising documents of pages read
 * back from the file, i.e. its working set (timeline buckets, activity log, receipts) outgrew 16 MB. 64 MB was
 * enough then, but counted by the stock type's estimate (twice the Java-serialised length), which is about 2.5
 * times under the heap a decoded timeline bucket really takes; {@link BsonDocumentType} estimates that heap, so
 * the same capacity is now 160 MB, about the heap the 64 MB cache really held. The heap of the store process is
 * 2 GB under the Shenandoah collector (`./relais`). Commits come every second (H2's timer) and whenever the unsaved changes outgrow the write buffer
 * ({@value #WRITE_BUFFER_MB} MB instead of 1); {@link #close()} commits and closes the file, so a clean stop loses
 * nothing.
 */
public final class LocalStoreBackend extends H2Backend {

    /** MVStore page cache, in megabytes (H2's default is 16), unless the system property below says otherwise. */
    public static final int PAGE_CACHE_MB = 160;

    /** System property overriding {@link #PAGE_CACHE_MB} (megabytes), for measuring other sizes. */
    public static final String PAGE_CACHE_PROPERTY = "relais.store.page-cache-mb";

    /**
     * Unsaved changes, in megabytes of estimated heap, past which MVStore commits before its one-second timer
     * (H2's default is 1). The estimate is the decoded documents' heap ({@link BsonDocumentType#getMemory}): a
     * timeline bucket of a hundred entries counts tens of kilobytes, so under the fan-out 1 MB filled many times a
     * second and every hot bucket's page was encoded and written again at each of those commits. At 16 MB the
     * commits come from the timer: a store-only run of 60,000 bucket upserts (2,000 buckets, bulks of 50) took
     * about half the CPU. Durability is unchanged: the timer still commits every second.
     */
    public static final int WRITE_BUFFER_MB = 16;

    /** System property overriding the write buffer, in kilobytes, for measuring other sizes. */
    public static final String WRITE_BUFFER_PROPERTY = "relais.store.write-buffer-kb";

    /** Prefix mongo-java-server's {@link H2Database} gives a collection's data map: this + namespace. */
    static final String DATA_MAP_PREFIX = "databases.";

    /** Prefix mongo-java-server's {@link H2Database} gives a collection's metadata map (its data size): this + namespace. */
    static final String META_MAP_PREFIX = "meta.";

    /** Suffix mongo-java-server's {@link H2Database} gives the map of an index: namespace + this + index name. */
    static final String INDEX_MAP_INFIX = "._index_";

    private LocalStoreBackend(MVStore store) {
        super(store);
    }

    /**
     * Opens (or creates) the store in a data file.
     *
     * @param dataFile the MVStore file; its folder must exist
     * @return the backend, to be given to a {@code MongoServer}; closing the server closes the file
     */
    public static LocalStoreBackend open(Path dataFile) {
        MVStore store = new MVStore.Builder()
                .fileName(dataFile.toString())
                .cacheSize(Integer.getInteger(PAGE_CACHE_PROPERTY, PAGE_CACHE_MB))
                .autoCommitBufferSize(Integer.getInteger(WRITE_BUFFER_PROPERTY, WRITE_BUFFER_MB * 1024))
                .open();
        return new LocalStoreBackend(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * mongo-java-server's H2 database whose collections are {@link KeyedCollection}s, their data maps opened with
     * {@link DataMapKeys} keys and {@link BsonDocumentType} values (the maps and their names are the stock code's), and whose unique-index maps
     * are opened with {@link IndexKeyOrder} keys first, so that the stock code's own {@code openMap(name)} finds them
     * already open with that type.
     * An inner class because the stock constructor opens the existing indexes before a subclass field
     * could be set: the enclosing backend (and its MVStore) is reachable already then.
     */
    private final class Database extends H2Database {

        Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = LocalStoreBackend.this.getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = store.openMap(DATA_MAP_PREFIX + namespace,
                    new MVMap.Builder<Object, Document>().keyType(new DataMapKeys()).valueType(new BsonDocumentType()));
            MVMap<String, Object> metaMap = store.openMap(META_MAP_PREFIX + namespace);
            return new KeyedCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            LocalStoreBackend.this.getMvStore().openMap(getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}
