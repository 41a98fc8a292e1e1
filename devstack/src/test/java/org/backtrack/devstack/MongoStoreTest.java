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
            assertThat(sessions.countDocuments()).isEqualTo(DOCUMENTS);
            assertThat(sessions.find(Filters.eq("_id", "clinic-a:s1500")).first()).containsEntry("version", 2);
        }
    }

    private static Document guard(String id, String field, Object value) {
        return new Document("_id", id).append(field, value);
    }
}
