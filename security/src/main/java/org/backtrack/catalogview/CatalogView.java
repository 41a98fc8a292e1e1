package org.backtrack.catalogview;

import org.backtrack.events.CatalogExerciseChanged;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog as its consumers hold it: the latest version of every exercise, built-in and clinic-made, retired ones
 * included so that an older version arriving late cannot bring them back. A change applies only when its version is
 * higher than the one held, so redelivered, resent and out-of-order events change nothing.
 */
public class CatalogView {

    private final Map<String, CatalogExerciseChanged> byId = new ConcurrentHashMap<>();

    /** @return whether the change was newer than what the view held, and so is now the current state */
    public boolean apply(CatalogExerciseChanged change) {
        boolean[] applied = {false};
        byId.compute(change.id(), (id, held) -> {
            if (held != null && held.version() >= change.version()) {
                return held;
            }
            applied[0] = true;
            return change;
        });
        return applied[0];
    }

    /** The exercises a caller of this clinic may compose from: built-in content and the clinic's own, none retired. */
    public List<CatalogExerciseChanged> listedFor(String clinicId) {
        return byId.values().stream().filter(e -> !e.retired() && e.visibleTo(clinicId))
                .sorted(Comparator.comparing(CatalogExerciseChanged::id)).toList();
    }

    /** Built-in content only, none retired: what every clinic sees. */
    public List<CatalogExerciseChanged> builtIn() {
        return listedFor(null);
    }

    /** One exercise by id, retired or not, if this clinic may see it. */
    public Optional<CatalogExerciseChanged> find(String clinicId, String id) {
        return Optional.ofNullable(byId.get(id)).filter(e -> e.visibleTo(clinicId));
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }
}
