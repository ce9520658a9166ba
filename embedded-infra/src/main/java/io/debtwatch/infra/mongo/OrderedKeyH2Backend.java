package io.debtwatch.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

/**
 * The on-disk H2 (MVStore) backend with unique indexes whose keys compare natively ({@link KeyValueDataType})
 * instead of by Java-serialising both keys per comparison, which cost about a quarter of the wire server's
 * CPU under the backfill benchmark, and documents stored as BSON ({@link BsonDocumentDataType}) instead of
 * Java-serialised, which cost half of what was left. Index maps are named
 * {@code <db>.<collection>._kvindex_<index>}, document maps {@code bson.<db>.<collection>}; a map of the
 * stock backend ({@code ._index_}, {@code databases.}) holds another format, so on first open its entries
 * are copied into the new map and it is removed (one way: the stock backend would not see the new maps).
 */
public final class OrderedKeyH2Backend extends H2Backend {

    private static final Logger LOG = Logger.getLogger(OrderedKeyH2Backend.class);

    static final String STOCK_INDEX_INFIX = "._index_";
    static final String INDEX_INFIX = "._kvindex_";
    static final String STOCK_DATA_PREFIX = "databases.";
    static final String DATA_PREFIX = "bson.";
    private static final String META_PREFIX = "meta.";

    /**
     * Pages the MVStore keeps deserialised. Its default, 16 MB, held less than a backfill's working set
     * (the roll-up, timeline and index pages every commit updates), so the server read and
     * Java-deserialised the same pages again and again: a fifth of its CPU in the backfill benchmark.
     */
    static final int CACHE_MB = 256;

    /**
     * @param fileName the MVStore file; created when missing
     */
    public OrderedKeyH2Backend(String fileName) {
        super(new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MB).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    private static MVMap.Builder<KeyValue, Object> indexMapType() {
        return new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueDataType());
    }

    private static MVMap.Builder<Object, Document> dataMapType() {
        return new MVMap.Builder<Object, Document>().keyType(new ThreadConfinedObjectDataType())
                .valueType(new BsonDocumentDataType());
    }

    /**
     * An inner class on purpose: H2Database's constructor already opens the indexes (a virtual call into
     * this class), before any field of a subclass is set, while the outer instance is set first.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<KeyValue, Object> map = getMvStore().openMap(namespace + INDEX_INFIX + indexName, indexMapType());
            carryOver(namespace + STOCK_INDEX_INFIX + indexName, map);
            return new OrderedKeyIndex(map, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap(DATA_PREFIX + namespace, dataMapType());
            carryOver(STOCK_DATA_PREFIX + namespace, data);
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + namespace);
            return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            String name = DATA_PREFIX + getFullCollectionNamespace(collectionName);
            if (getMvStore().hasMap(name)) {
                getMvStore().removeMap(getMvStore().openMap(name, dataMapType()));
            }
        }

        @Override
        public void drop(Oplog oplog) {
            super.drop(oplog);
            String prefix = DATA_PREFIX + getDatabaseName() + ".";
            for (String name : List.copyOf(getMvStore().getMapNames())) {
                if (name.startsWith(prefix)) {
                    getMvStore().removeMap(getMvStore().openMap(name, dataMapType()));
                }
            }
        }

        /**
         * Copies a map of the stock backend into its replacement, then removes it and commits. Safe to
         * repeat: if the process stops midway, the stock map is still there and the next start copies it
         * again.
         */
        private <K, V> void carryOver(String stockName, MVMap<K, V> map) {
            MVStore store = getMvStore();
            if (!store.hasMap(stockName)) {
                return;
            }
            MVMap<K, V> stock = store.openMap(stockName);
            long copied = 0;
            for (Map.Entry<K, V> entry : stock.entrySet()) {
                V kept = map.putIfAbsent(entry.getKey(), entry.getValue());
                if (kept != null && !kept.equals(entry.getValue())) {
                    LOG.warnf("map %s holds key %s twice; keeping the first", stockName, entry.getKey());
                }
                copied++;
            }
            store.removeMap(stock);
            store.commit();
            LOG.infof("carried %d keys of map %s over to %s", copied, stockName, map.getName());
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(getFullCollectionNamespace(collection.getCollectionName()) + INDEX_INFIX + indexName);
        }

        /**
         * Renames the index maps and the document map too, and the meta map, which the stock backend (1.47.0)
         * fails to do: it reads the collection's name after the rename, so it renames a new empty map onto
         * itself and the documents are gone after a restart.
         */
        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String oldNamespace = collection.getFullName();
            List<String> indexNames = collection.getIndexes().stream().map(Index::getName).toList();
            super.moveCollection(oldDatabase, collection, newCollectionName);
            MVStore store = getMvStore();
            String newNamespace = getFullCollectionNamespace(newCollectionName);
            for (String prefix : List.of(STOCK_DATA_PREFIX, DATA_PREFIX, META_PREFIX)) {
                String from = prefix + oldNamespace;
                String to = prefix + newNamespace;
                if (!from.equals(to) && store.hasMap(from)) {
                    if (store.hasMap(to)) {
                        store.removeMap(to);
                    }
                    store.renameMap(prefix.equals(DATA_PREFIX) ? store.openMap(from, dataMapType()) : store.openMap(from), to);
                }
            }
            for (String indexName : indexNames) {
                String from = oldNamespace + INDEX_INFIX + indexName;
                if (store.hasMap(from)) {
                    store.renameMap(store.openMap(from, indexMapType()), newNamespace + INDEX_INFIX + indexName);
                }
            }
        }
    }
}
