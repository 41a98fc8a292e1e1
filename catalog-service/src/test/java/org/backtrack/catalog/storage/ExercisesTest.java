package org.backtrack.catalog.storage;

import com.mongodb.client.MongoClients;
import org.backtrack.catalog.model.Exercise;
import org.backtrack.outbox.Publication;
import org.backtrack.testsupport.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The model lost its mapping annotations: documents stored before are read as they are, in the same collection. */
class ExercisesTest {

    final MongoTemplate mongo = new MongoTemplate(MongoClients.create(EmbeddedMongo.connectionString()),
            "catalog-storage-" + UUID.randomUUID());
    final Exercises exercises = new Exercises(mongo);

    @Test
    void anExerciseStoredUnderItsFormerClassIsReadAndItsOwedEventFound() {
        String id = "clinic-7.wall-lean";
        mongo.getCollection("exercises").insertOne(new Document("_id", id)
                .append("_class", "org.backtrack.catalog.exercises.Exercise").append("clinicId", "clinic-7")
                .append("name", "Wall lean").append("stage", "BASIC").append("kind", "STATIC_HOLD")
                .append("regions", List.of("LOWER_BACK"))
                .append("dosage", new Document(Map.of("holdSeconds", 30, "reps", 1, "sets", 1, "perSide", false, "restSeconds", 0)))
                .append("version", 3L).append("retired", false).append("eventId", "e-3").append("publication", "PENDING")
                .append("changedAt", Date.from(Instant.parse("2026-11-30T10:00:00Z"))));

        Exercise read = exercises.find(id).orElseThrow();

        assertThat(read.clinicId()).isEqualTo("clinic-7");
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.publication()).isEqualTo(Publication.PENDING);
        assertThat(exercises.owedEvents(Clock.systemUTC()).owed(Instant.now(), 10)).extracting(Exercise::eventId).containsExactly("e-3");
        assertThat(exercises.visibleTo("clinic-7")).extracting(Exercise::id).containsExactly(id);
    }
}
