package org.backtrack.progress.assessment;

import org.backtrack.events.Stage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the rules need to know of the catalog: each exercise's stage and body regions. */
public record ExerciseCatalog(Map<String, Exercise> byId) {

    public record Exercise(String id, Stage stage, Set<String> regions) {
    }

    public static final ExerciseCatalog EMPTY = new ExerciseCatalog(Map.of());

    public ExerciseCatalog {
        byId = Map.copyOf(byId);
    }

    public static ExerciseCatalog of(List<Exercise> exercises) {
        return new ExerciseCatalog(exercises.stream().collect(Collectors.toMap(Exercise::id, Function.identity(), (a, b) -> a)));
    }

    public Optional<Exercise> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
