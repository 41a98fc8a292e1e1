package org.backtrack.catalog.model;

import org.backtrack.events.Kind;
import org.backtrack.events.Region;
import org.backtrack.events.Stage;

import java.util.Optional;

/** Filters of the exercise list; each one present narrows the result (they combine with AND). */
public record ExerciseFilter(Optional<Stage> stage, Optional<Region> region, Optional<Kind> kind,
                             Optional<Equipment> equipment, Optional<TimeOfDay> timeOfDay, Optional<String> text) {
}
