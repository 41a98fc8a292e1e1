package org.backtrack.catalog.exercises;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A clinic's own exercises: created, edited and retired by that clinic only, each change guarded by the version
 * the client last read (optimistic concurrency, the ETag) and announced on {@code backtrack.catalog}.
 */
@Service
public class ClinicExercises {

    private final Exercises exercises;
    private final CatalogEvents events;

    ClinicExercises(Exercises exercises, CatalogEvents events) {
        this.exercises = exercises;
        this.events = events;
    }

    /** An exercise as the caller may see it: built-in, or its own clinic's. */
    public Optional<Exercise> visible(String id, String clinicId) {
        return exercises.find(id).filter(e -> e.visibleTo(clinicId));
    }

    public Exercise create(String clinicId, ExerciseDraft draft) {
        String slug = draft.slug() != null ? draft.slug() : draft.name() == null ? "" : ExerciseRules.slugOf(draft.name());
        if (!ExerciseRules.SLUG.matcher(slug).matches()) {
            throw new InvalidExerciseException(List.of(new ExerciseRules.FieldError("slug",
                    "must be 1 to 60 lower-case letters, digits or dashes")));
        }
        // built-in content (no clinic) is named by its slug alone
        String id = clinicId == null ? slug : clinicId + "." + slug;
        validate(draft, id, clinicId);
        try {
            Exercise created = exercises.insert(draft.toExercise(id, clinicId, 1));
            events.announce(created);
            return created;
        } catch (DuplicateKeyException e) {
            throw new ExerciseConflictException("An exercise with id " + id + " exists already"
                    + "; choose another slug or edit that one.");
        }
    }

    public Exercise update(String clinicId, String id, long expectedVersion, ExerciseDraft draft) {
        Exercise current = ownedBy(clinicId, id);
        requireVersion(current, expectedVersion);
        if (current.retired()) {
            throw new ExerciseConflictException("Exercise " + id + " is retired; create a new exercise instead of editing it.");
        }
        validate(draft, id, clinicId);
        Exercise next = draft.toExercise(id, clinicId, current.version() + 1);
        Exercise written = exercises.replace(next, current.version()).orElseThrow(() -> new StaleVersionException(id));
        events.announce(written);
        return written;
    }

    public Exercise retire(String clinicId, String id, long expectedVersion) {
        Exercise current = ownedBy(clinicId, id);
        requireVersion(current, expectedVersion);
        if (current.retired()) {
            return current;
        }
        Exercise written = exercises.replace(current.retire(), current.version()).orElseThrow(() -> new StaleVersionException(id));
        events.announce(written);
        return written;
    }

    private Exercise ownedBy(String clinicId, String id) {
        Exercise current = exercises.find(id).filter(e -> e.visibleTo(clinicId))
                .orElseThrow(() -> new ExerciseNotFoundException(id));
        if (current.builtIn() != (clinicId == null)) {
            throw new BuiltInContentException(id);
        }
        return current;
    }

    private static void requireVersion(Exercise current, long expectedVersion) {
        if (current.version() != expectedVersion) {
            throw new StaleVersionException(current.id());
        }
    }

    private void validate(ExerciseDraft draft, String id, String clinicId) {
        Map<String, Exercise> library = exercises.visibleTo(clinicId).stream()
                .filter(e -> !e.id().equals(id))
                .collect(Collectors.toMap(Exercise::id, Function.identity()));
        var errors = ExerciseRules.check(draft, id, library);
        if (!errors.isEmpty()) {
            throw new InvalidExerciseException(errors);
        }
    }

    public static class InvalidExerciseException extends RuntimeException {
        private final List<ExerciseRules.FieldError> errors;

        InvalidExerciseException(List<ExerciseRules.FieldError> errors) {
            super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
            this.errors = errors;
        }

        public List<ExerciseRules.FieldError> errors() {
            return errors;
        }
    }

    public static class ExerciseNotFoundException extends RuntimeException {
        public ExerciseNotFoundException(String id) {
            super("No exercise with id " + id);
        }
    }

    public static class ExerciseConflictException extends RuntimeException {
        ExerciseConflictException(String message) {
            super(message);
        }
    }

    public static class StaleVersionException extends RuntimeException {
        StaleVersionException(String id) {
            super("Exercise " + id + " was changed since you read it; read it again and reapply your change.");
        }
    }

    public static class BuiltInContentException extends RuntimeException {
        BuiltInContentException(String id) {
            super("Exercise " + id + " is built-in content, maintained in the catalog's content files; "
                    + "create a clinic exercise instead.");
        }
    }
}
