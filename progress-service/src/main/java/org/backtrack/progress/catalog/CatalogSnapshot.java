package org.backtrack.progress.catalog;

import org.backtrack.catalogview.CatalogView;
import org.backtrack.events.CatalogExerciseChanged;
import org.backtrack.events.Stage;
import org.backtrack.progress.assessment.ExerciseCatalog;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;

/**
 * What the suggestion rules know of the catalog: the built-in exercises of the service's {@link CatalogView} (fed by
 * {@code backtrack.catalog}), with their stage and regions. Clinic-made exercises are not proposed. Until the view has
 * read the catalog, suggestions simply propose no exercises.
 */
public class CatalogSnapshot {

    private final CatalogView view;

    CatalogSnapshot(CatalogView view) {
        this.view = view;
    }

    public ExerciseCatalog current() {
        return ExerciseCatalog.of(view.builtIn().stream().flatMap(e -> toExercise(e).stream()).toList());
    }

    /** An exercise of a stage the suggestion rules do not know is left out rather than failing every suggestion. */
    private static Optional<ExerciseCatalog.Exercise> toExercise(CatalogExerciseChanged exercise) {
        return Arrays.stream(Stage.values()).filter(stage -> stage.name().equals(exercise.stage())).findFirst()
                .map(stage -> new ExerciseCatalog.Exercise(exercise.id(), stage, new HashSet<>(exercise.regions())));
    }

}
