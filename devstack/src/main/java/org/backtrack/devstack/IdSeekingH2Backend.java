package org.backtrack.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.LongAdder;

/**
 * mongo-java-server's H2 backend with things a real MongoDB does that it does not:
 * <ul>
 *   <li>Documents are stored as BSON ({@link BsonDocuments}), not through Java serialization, and index keys are
 *       compared without serializing them again for each comparison ({@link IndexKeyOrder}).</li>
 *   <li>A query on a range of string ids ({@code {_id: {$gte, $lt}, ...}}: a patient's month listings) reads the ids
 *       in that range only, from an ordered set of the collection's ids, instead of every document.</li>
 *   <li>A query naming a list of ids ({@code {_id: {$in: [...]}, ...}}: the outbox marking a batch published) looks
 *       each id up.</li>
 *   <li>A query naming one {@code _id} and more fields (BackTrack's guarded writes: {@code {_id, version}},
 *       {@code {_id, publication}}) is answered through the {@code _id} index. mongo-java-server uses an index only
 *       when the query names exactly the index's fields, so every guarded write scanned its whole collection: with
 *       some thousand sessions stored, the end-to-end bench spent two thirds of the server's CPU matching documents
 *       and request threads queued for connections. The document found by its id is still matched against the
 *       whole query, so answers are the same as a scan's.</li>
 *   <li>Drivers of wire version 13 or newer check the server with {@code hello}, which mongo-java-server only knows
 *       by its legacy name {@code isMaster}; the answers are the same.</li>
 * </ul>
 */
final class IdSeekingH2Backend extends H2Backend {

    /**
     * Documents matched against a query, for tests that an id lookup examines one document. Static because
     * H2Backend's constructor already opens the stored collections, before an instance field could be set; one
     * server runs per JVM, and readers compare two readings.
     */
    private static final LongAdder EXAMINED = new LongAdder();

    /** Queries answered by reading a whole collection, by collection and the fields they name (the slow-query view). */
    private static final Map<String, LongAdder> SCANS = new ConcurrentHashMap<>();

    IdSeekingH2Backend(String file) {
        super(file);
    }

    long examinedDocuments() {
        return EXAMINED.sum();
    }

    /** Starts the slow-query view afresh: the next server in this JVM (after the class-data training run) reports its own. */
    void forgetScans() {
        SCANS.clear();
    }

    /** The query shapes answered by whole-collection reads, most frequent first: what an index would help. */
    List<String> scansByShape(int most) {
        return SCANS.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .limit(most).map(e -> e.getValue().sum() + " x " + e.getKey()).toList();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            Document reply = super.handleCommand(channel, database, "isMaster", query);
            reply.put("isWritablePrimary", Boolean.TRUE);
            reply.put("helloOk", Boolean.TRUE);
            return reply;
        }
        return super.handleCommand(channel, database, command, query);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Inner, not static: H2Database opens its collections from its constructor, before a subclass's own fields are set. */
    private final class Database extends H2Database {

        // the map names H2Database gives a collection's documents and metadata: the file's layout stays the same
        private static final String DATABASES_PREFIX = "databases.";
        private static final String META_PREFIX = "meta.";
        private static final String INDEX_INFIX = "._index_";

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap(DATABASES_PREFIX + namespace,
                    new MVMap.Builder<Object, Document>().valueType(BsonDocuments.INSTANCE));
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + namespace);
            return new Collection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            // opened here first with the cheaper key order, so that H2Database's own opening finds this map
            getMvStore().openMap(getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    private static final class Collection extends H2Collection {

        private static final Set<String> RANGE_OPERATORS = Set.of("$gte", "$gt", "$lt", "$lte");

        /** MongoDB orders strings by their bytes in UTF-8, which is the order of their code points. */
        private static final Comparator<String> BY_CODE_POINT = (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

        /** Set while this thread answers a plain find: its documents are encoded for the wire and never changed. */
        private static final ThreadLocal<Boolean> READ_ONLY = ThreadLocal.withInitial(() -> Boolean.FALSE);
        /** Set while this thread runs an update or a find-and-modify, which change the documents they find. */
        private static final ThreadLocal<Boolean> CHANGING = ThreadLocal.withInitial(() -> Boolean.FALSE);

        /** Collections smaller than this are read whole at no cost worth naming. */
        private static final int SCAN_WORTH_NAMING = 100;

        /**
         * The collection's string ids in order, built at its first {@code _id} range query and kept from then on:
         * the ordered {@code _id} index a real MongoDB keeps (H2's map is ordered too, but not reachable from here).
         */
        private NavigableSet<String> orderedIds;

        Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
                   MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, documents, meta, cursors);
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object id = super.addDocumentInternal(document.cloneDeeply()); // H2 keeps a document under its id
            if (orderedIds != null && id instanceof String text) {
                orderedIds.add(text);
            }
            return id;
        }

        @Override
        protected void removeDocument(Object position) {
            super.removeDocument(position);
            if (orderedIds != null && position instanceof String text) {
                orderedIds.remove(text);
            }
        }

        /**
         * Copies of the stored documents for anything that may change them: mongo-java-server applies an update by
         * changing the document it found in place before storing it again, while H2's writer thread may be encoding
         * that same object for the file (a {@code ConcurrentModificationException} there stops the writer, or a
         * half-changed document is saved). What the map holds is therefore never handed to an update, and never kept
         * from a caller ({@link #addDocumentInternal}). A plain find ({@link #handleQuery}, not within an update or a
         * find-and-modify) only encodes its answer for the wire, so it gets the stored documents themselves: copying
         * every answer was a quarter of the server's CPU under the bench's load.
         */
        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            QueryResult found = find(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            if (READ_ONLY.get() && !CHANGING.get()) {
                return found;
            }
            List<Document> copies = new ArrayList<>();
            found.forEach(document -> copies.add(document.cloneDeeply()));
            return new QueryResult(copies, found.getCursorId());
        }

        @Override
        public QueryResult handleQuery(QueryParameters query) {
            return within(READ_ONLY, () -> super.handleQuery(query));
        }

        @Override
        public Document findAndModify(Document query) {
            return within(CHANGING, () -> super.findAndModify(query));
        }

        @Override
        public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean isMulti,
                                        boolean isUpsert, Oplog oplog) {
            return within(CHANGING, () -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
        }

        private static <R> R within(ThreadLocal<Boolean> flag, java.util.function.Supplier<R> call) {
            boolean before = flag.get();
            flag.set(Boolean.TRUE);
            try {
                return call.get();
            } finally {
                flag.set(before);
            }
        }

        private QueryResult find(Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            Object id = query.get(getIdField());
            if (query.size() > 1 && isOneValue(id)) {
                List<Document> found = new ArrayList<>(1);
                super.queryDocuments(new Document(getIdField(), id), null, 0, 0, 0, null).forEach(found::add);
                return matchDocumentsFromStream(found.stream(), query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            if (query.size() > 1 && id instanceof Document in && in.size() == 1 && in.get("$in") instanceof List<?> ids
                    && ids.stream().allMatch(Collection::isOneValue)) {
                List<Document> found = new ArrayList<>(ids.size());
                for (Object one : new LinkedHashSet<>(ids)) {
                    super.queryDocuments(new Document(getIdField(), one), null, 0, 0, 0, null).forEach(found::add);
                }
                return matchDocumentsFromStream(found.stream(), query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            if (id instanceof Document range && isStringRange(range)) {
                List<Document> found = new ArrayList<>();
                for (String inRange : idsIn(range)) {
                    super.queryDocuments(new Document(getIdField(), inRange), null, 0, 0, 0, null).forEach(found::add);
                }
                return matchDocumentsFromStream(found.stream(), query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            if (!query.isEmpty() && count() > SCAN_WORTH_NAMING && getIndexes().stream().noneMatch(index -> index.canHandle(query))) {
                SCANS.computeIfAbsent(getFullName() + " " + shapeOf(query), shape -> new LongAdder()).increment();
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** {@code {$gte|$gt: "a", $lt|$lte: "b"}}: both bounds strings, no other operator. */
        private static boolean isStringRange(Document range) {
            return range.size() == 2 && range.keySet().stream().allMatch(RANGE_OPERATORS::contains)
                    && range.values().stream().allMatch(String.class::isInstance)
                    && (range.containsKey("$gte") || range.containsKey("$gt")) && (range.containsKey("$lt") || range.containsKey("$lte"));
        }

        /** The ids within the range's bounds (the whole query is matched again on each document found). */
        private NavigableSet<String> idsIn(Document range) {
            if (orderedIds == null) {
                orderedIds = new ConcurrentSkipListSet<>(BY_CODE_POINT);
                streamAllDocumentsWithPosition().map(DocumentWithPosition::getPosition)
                        .filter(String.class::isInstance).map(String.class::cast).forEach(orderedIds::add);
            }
            String from = (String) (range.containsKey("$gte") ? range.get("$gte") : range.get("$gt"));
            String to = (String) (range.containsKey("$lt") ? range.get("$lt") : range.get("$lte"));
            if (BY_CODE_POINT.compare(from, to) > 0) {
                return Collections.emptyNavigableSet();
            }
            return orderedIds.subSet(from, range.containsKey("$gte"), to, range.containsKey("$lte"));
        }

        /** The fields and operators a query names, without its values. */
        private static String shapeOf(Object query) {
            if (query instanceof Document document) {
                return document.entrySet().stream().map(e -> e.getKey() + (e.getValue() instanceof Document || e.getValue() instanceof List<?>
                        ? ":" + shapeOf(e.getValue()) : "")).collect(Collectors.joining(",", "{", "}"));
            }
            if (query instanceof List<?> list) {
                return list.stream().map(Collection::shapeOf).distinct().collect(Collectors.joining(",", "[", "]"));
            }
            return "";
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            EXAMINED.increment();
            return super.documentMatchesQuery(document, query);
        }

        /** An equality on one value: not an operator document ({@code $in}, {@code $gt}...), not a pattern. */
        private static boolean isOneValue(Object id) {
            if (id == null || BsonRegularExpression.isRegularExpression(id)) {
                return false;
            }
            return !(id instanceof Document document) || document.keySet().stream().noneMatch(key -> key.startsWith("$"));
        }
    }
}
