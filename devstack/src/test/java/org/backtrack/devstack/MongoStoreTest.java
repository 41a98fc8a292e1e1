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

    private static Document guard(String id, String field, Object value) {
        return new Document("_id", id).append(field, value);
    }
}
