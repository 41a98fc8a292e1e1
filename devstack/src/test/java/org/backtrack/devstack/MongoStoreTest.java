package org.backtrack.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded MongoDB-wire server answers a guarded write by its id, not by reading every document. */
class MongoStoreTest {

    private static final int DOCUMENTS = 3_000;

    @TempDir
    Path data;

    @Test
    void aWriteGuardedByIdAndVersionExaminesOneDocumentAndAnswersAsAScanWould() throws Exception {
        Path file = data.resolve("store.mv");
        try (MongoStore store = MongoStore.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.port())) {
            MongoCollection<Document> sessions = client.getDatabase("routine").getCollection("sessions");
            // guards as Spring Data's Criteria write them: {_id: ..., version: ...}
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                documents.add(new Document("_id", "clinic-a:s" + i).append("version", 1).append("publication", "PENDING"));
            }
            sessions.insertMany(documents);

            long before = store.examinedDocuments();
            long won = sessions.updateOne(guard("clinic-a:s1500", "version", 1),
                    Updates.combine(Updates.set("version", 2), Updates.set("publication", "PUBLISHED"))).getMatchedCount();
            long lost = sessions.updateOne(guard("clinic-a:s1500", "version", 1),
                    Updates.set("version", 3)).getMatchedCount();
            long missing = sessions.updateOne(guard("clinic-a:nope", "version", 1),
                    Updates.set("version", 3)).getMatchedCount();
            Document found = sessions.find(guard("clinic-a:s1500", "publication", "PUBLISHED")).first();
            long examined = store.examinedDocuments() - before;

            assertThat(won).isEqualTo(1);
            assertThat(lost).as("the guard no longer matches the stored version").isZero();
            assertThat(missing).isZero();
            assertThat(found).isNotNull().containsEntry("version", 2);
            // each found document is matched twice: against its id, then against the whole guard
            assertThat(examined).as("documents read for four id lookups among %d", DOCUMENTS).isLessThanOrEqualTo(8);

            // a list of ids with more conditions (a batch marked published) looks each id up
            before = store.examinedDocuments();
            long marked = sessions.updateMany(new Document("_id", new Document("$in", List.of("clinic-a:s1", "clinic-a:s2", "clinic-a:s1500")))
                    .append("publication", "PENDING"), Updates.set("publication", "PUBLISHED")).getMatchedCount();
            assertThat(marked).as("s1500 was published before").isEqualTo(2);
            assertThat(store.examinedDocuments() - before).isLessThanOrEqualTo(6);
            sessions.updateMany(new Document("_id", new Document("$in", List.of("clinic-a:s1", "clinic-a:s2"))), Updates.set("publication", "PENDING"));

            // a range of ids (a patient's months) reads that range, in MongoDB's order, and still matches the rest
            before = store.examinedDocuments();
            List<Document> inRange = sessions.find(new Document("_id", new Document("$gte", "clinic-a:s10").append("$lt", "clinic-a:s11"))
                    .append("publication", "PENDING")).into(new ArrayList<>());
            assertThat(inRange).as("s10, s100-s109, s1000-s1099").hasSize(111)
                    .extracting(d -> d.getString("_id")).contains("clinic-a:s10", "clinic-a:s109", "clinic-a:s1099");
            assertThat(store.examinedDocuments() - before).as("documents read for a range of 111 among %d", DOCUMENTS)
                    .isLessThanOrEqualTo(2 * 111);

            sessions.insertOne(new Document("_id", "clinic-a:s1000a").append("version", 1).append("publication", "PENDING"));
            sessions.deleteOne(new Document("_id", "clinic-a:s100"));
            List<Document> afterChanges = sessions.find(new Document("_id", new Document("$gt", "clinic-a:s10").append("$lte", "clinic-a:s101"))
                    .append("version", 1)).into(new ArrayList<>());
            assertThat(afterChanges).extracting(d -> d.getString("_id")).as("s1000-s1009, the new s1000a and s101 (s1010 sorts after s101)")
                    .hasSize(12).contains("clinic-a:s1000a", "clinic-a:s101", "clinic-a:s1009")
                    .doesNotContain("clinic-a:s10", "clinic-a:s100", "clinic-a:s1010");

            // operators on the id, or no id at all, still go through the whole collection and answer the same
            assertThat(sessions.countDocuments(Filters.and(Filters.in("_id", "clinic-a:s1", "clinic-a:s2"), Filters.eq("version", 1))))
                    .isEqualTo(2);
            assertThat(sessions.find(Filters.eq("publication", "PENDING")).into(new ArrayList<>())).hasSize(DOCUMENTS - 1);
            assertThat(store.scansByShape(8)).as("the slow-query view names the scans, not the id lookups")
                    .anyMatch(shape -> shape.endsWith("x routine.sessions {publication}"))
                    .noneMatch(shape -> shape.contains("{_id,version}"));
        }

        // the collections keep H2's layout: what was written is there after a restart
        try (MongoStore store = MongoStore.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.port())) {
            MongoCollection<Document> sessions = client.getDatabase("routine").getCollection("sessions");
            assertThat(store.scansByShape(8)).as("the first server's scans were reported when it closed").isEmpty();
            assertThat(sessions.countDocuments()).isEqualTo(DOCUMENTS); // one added, one deleted
            assertThat(sessions.find(Filters.eq("_id", "clinic-a:s1500")).first()).containsEntry("version", 2);
        }
    }

    @Test
    void documentsAreStoredAsBsonAndEveryValueTypeComesBackAfterARestart() throws Exception {
        Path file = data.resolve("types.mv");
        Document stored = new Document("_id", "clinic-a:p1")
                .append("text", "Cat–camel, 20 s ✓").append("int", 42).append("long", 5_000_000_000L).append("double", 2.5)
                .append("flag", true).append("nothing", null).append("when", new java.util.Date(1_764_633_600_000L))
                .append("objectId", new org.bson.types.ObjectId("65f0c0ffee00000000000001"))
                .append("decimal", new org.bson.types.Decimal128(new java.math.BigDecimal("12.50")))
                .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3}))
                .append("uuid", java.util.UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"))
                .append("list", List.of(1, "two", new Document("three", 3)))
                .append("nested", new Document("days", List.of(new Document("day", "2026-12-01").append("pain", 4))));
        try (MongoStore store = MongoStore.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(uuidClient(store.port()))) {
            client.getDatabase("progress").getCollection("windows").insertOne(stored);
            client.getDatabase("progress").getCollection("windows")
                    .updateOne(Filters.eq("_id", "clinic-a:p1"), Updates.combine(Updates.inc("int", 1), Updates.currentDate("touched")));
        }
        try (MongoStore store = MongoStore.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(uuidClient(store.port()))) {
            Document read = client.getDatabase("progress").getCollection("windows").find().first();
            assertThat(read).isNotNull().containsKey("touched");
            read.remove("touched");
            assertThat(read).isEqualTo(new Document(stored).append("int", 43));
        }
        try (org.h2.mvstore.MVStore raw = org.h2.mvstore.MVStore.open(file.toString())) {
            Object value = raw.openMap("databases.progress.windows", new org.h2.mvstore.MVMap.Builder<Object, Object>()
                    .valueType(new org.h2.mvstore.type.BasicDataType<Object>() {
                        // the mark, then the BSON document, which starts with its own length (little-endian)
                        @Override
                        public Object read(java.nio.ByteBuffer buffer) {
                            byte mark = buffer.get();
                            int length = buffer.order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(buffer.position());
                            buffer.order(java.nio.ByteOrder.BIG_ENDIAN).position(buffer.position() + length);
                            return mark;
                        }

                        @Override
                        public int getMemory(Object value) {
                            return 16;
                        }

                        @Override
                        public void write(org.h2.mvstore.WriteBuffer buffer, Object value) {
                            throw new UnsupportedOperationException("read only");
                        }

                        @Override
                        public Object[] createStorage(int size) {
                            return new Object[size];
                        }
                    })).get("clinic-a:p1");
            assertThat(value).as("the BSON mark, not H2's tag for a Java-serialized object").isEqualTo((byte) 127);
        }
    }

    @Test
    void documentsWrittenByEarlierVersionsInH2sOwnFormatAreStillReadAndUpdated() throws Exception {
        Path file = data.resolve("earlier.mv");
        de.bwaldvogel.mongo.backend.h2.H2Backend earlier = new de.bwaldvogel.mongo.backend.h2.H2Backend(file.toString());
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(earlier);
        java.net.InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> sessions = client.getDatabase("routine").getCollection("sessions");
            for (int i = 0; i < 200; i++) {
                sessions.insertOne(new Document("_id", "clinic-a:s" + i).append("version", 1).append("steps", List.of("cat-camel", "child-pose")));
            }
        } finally {
            server.shutdownNow();
            earlier.close();
        }
        try (MongoStore store = MongoStore.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.port())) {
            MongoCollection<Document> sessions = client.getDatabase("routine").getCollection("sessions");
            assertThat(sessions.countDocuments()).isEqualTo(200);
            sessions.updateOne(guard("clinic-a:s7", "version", 1), Updates.set("version", 2));
            sessions.insertOne(new Document("_id", "clinic-a:new").append("version", 1));
        }
        try (MongoStore store = MongoStore.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.port())) {
            MongoCollection<Document> sessions = client.getDatabase("routine").getCollection("sessions");
            assertThat(sessions.countDocuments()).isEqualTo(201);
            assertThat(sessions.find(Filters.eq("_id", "clinic-a:s7")).first()).containsEntry("version", 2);
            assertThat(sessions.find(Filters.eq("_id", "clinic-a:s8")).first())
                    .containsEntry("version", 1).containsEntry("steps", List.of("cat-camel", "child-pose"));
        }
    }

    @Test
    void documentsChangedWhileTheFileIsWrittenAreSavedWholeAndTheWriterKeepsRunning() throws Exception {
        Path file = data.resolve("busy.mv");
        int updates = 3_000;
        try (MongoStore store = MongoStore.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.port())) {
            MongoCollection<Document> windows = client.getDatabase("progress").getCollection("windows");
            Document window = new Document("_id", "clinic-a:p1");
            for (int field = 0; field < 300; field++) {
                window.append("day" + field, field);
            }
            windows.insertOne(window);
            java.util.concurrent.atomic.AtomicBoolean updating = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread committing = new Thread(() -> {
                while (updating.get()) {
                    store.commit();
                }
            });
            committing.start();
            try {
                // each update adds one field and removes another: the stored map changes shape, as a window's days do
                for (int i = 0; i < updates; i++) {
                    windows.updateOne(Filters.eq("_id", "clinic-a:p1"),
                            Updates.combine(Updates.set("added" + i, i), Updates.unset(i == 0 ? "day0" : "added" + (i - 1))));
                }
            } finally {
                updating.set(false);
                committing.join();
            }
            store.commit();
        }
        try (MongoStore store = MongoStore.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + store.port())) {
            Document saved = client.getDatabase("progress").getCollection("windows").find().first();
            assertThat(saved).isNotNull().containsEntry("added" + (updates - 1), updates - 1).containsEntry("day299", 299)
                    .doesNotContainKeys("day0", "added" + (updates - 2)).hasSize(1 + 299 + 1);
        }
    }

    private static com.mongodb.MongoClientSettings uuidClient(int port) {
        return com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString("mongodb://127.0.0.1:" + port))
                .uuidRepresentation(org.bson.UuidRepresentation.STANDARD).build();
    }

    private static Document guard(String id, String field, Object value) {
        return new Document("_id", id).append(field, value);
    }
}
