package org.backtrack.routine.catalog;

import org.backtrack.events.CatalogEventTypes;
import org.backtrack.events.CatalogExerciseChanged;
import org.backtrack.events.CloudEventFactory;
import org.backtrack.events.Topics;
import org.backtrack.routine.composition.CatalogEntry;
import org.backtrack.testsupport.KafkaTestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.backtrack.testsupport.TestDefaults.JSON;

/** Publishes catalog changes on {@code backtrack.catalog} as catalog-service does: keyed by exercise id, as CloudEvents. */
public final class CatalogFeed {

    private static final CloudEventFactory CATALOG = new CloudEventFactory("/catalog-service");

    private CatalogFeed() {
    }

    /** A catalog entry as catalog-service would publish it, owned by {@code clinicId} (null: built-in). */
    public static CatalogExerciseChanged exercise(CatalogEntry entry, String id, String clinicId, String name, long version) {
        return new CatalogExerciseChanged(id, clinicId, name, entry.stage(), entry.kind(), List.copyOf(entry.regions()),
                List.copyOf(entry.equipment()), List.copyOf(entry.timeOfDay()),
                new CatalogExerciseChanged.Dosage(entry.holdSeconds(), entry.reps(), entry.sets(), entry.perSide(),
                        entry.secondsPerRep(), entry.restSeconds()),
                entry.cues(), entry.stopIf(), new ArrayList<>(entry.contraindications()), entry.progressions(), entry.regressions(),
                version, false);
    }

    public static CatalogExerciseChanged retired(CatalogExerciseChanged exercise, long version) {
        return CatalogExerciseChanged.retirement(exercise.id(), exercise.clinicId(), version);
    }

    public static void publish(KafkaTestClient kafka, CatalogExerciseChanged exercise) {
        String type = exercise.retired() ? CatalogEventTypes.RETIRED : CatalogEventTypes.UPSERTED;
        kafka.send(Topics.CATALOG, exercise.id(), JSON.writeValueAsString(CATALOG.newEvent(type, exercise.id(), Instant.now(), exercise)));
    }
}
