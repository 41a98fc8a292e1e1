package org.backtrack.catalog.exercises;

import org.backtrack.catalog.model.Exercise;
import org.backtrack.catalog.model.ExerciseDraft;
import org.backtrack.catalog.model.ExerciseFilter;
import org.backtrack.catalog.publication.CatalogEvents;
import org.backtrack.catalog.rules.ExerciseRules;
import org.backtrack.catalog.storage.Exercises;
import org.backtrack.outbox.Publication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A clinic's own exercises (and, for platform administrators, built-in content): created, edited and retired by their
 * owner only, each change guarded by the version the client last read (optimistic concurrency, the ETag) and announced
 * on {@code backtrack.catalog} within the publish timeout, or owed to the relay when the broker is away.
 */
@Service
public class ClinicExercises {

    /** A stored change, and whether its event is still owed (the broker did not acknowledge it in time). */
    public record Change(Exercise exercise, boolean eventOwed) {
    }

    private final Exercises exercises;
    private final CatalogEvents events;
    private final Clock clock = Clock.systemUTC();

    ClinicExercises(Exercises exercises, CatalogEvents events) {
        this.exercises = exercises;
        this.events = events;
    }

    /** A page of the library as a clinic sees it (built-in and its own, none retired), narrowed by the filter. */
    public Page<Exercise> find(ExerciseFilter filter, String clinicId, Pageable pageable) {
        return exercises.find(filter, clinicId, pageable);
    }

    /** An exercise as the caller may see it: built-in, or its own clinic's. */
    public Optional<Exercise> visible(String id, String clinicId) {
        return exercises.find(id).filter(e -> e.visibleTo(clinicId));
    }

    public Change create(String clinicId, ExerciseDraft draft) {
        String slug = draft.slug() != null ? draft.slug() : draft.name() == null ? "" : ExerciseRules.slugOf(draft.name());
        if (!ExerciseRules.SLUG.matcher(slug).matches()) {
            throw new InvalidExerciseException(List.of(new ExerciseRules.FieldError("slug",
                    "must be 1 to 60 lower-case letters, digits or dashes")));
        }
        // built-in content (no clinic) is named by its slug alone
        String id = clinicId == null ? slug : clinicId + "." + slug;
        validate(draft, id, clinicId);
        try {
            Exercise created = exercises.insert(draft.toExercise(id, clinicId, 1).asVersion(1, clock.instant()));
            return announce(created);
        } catch (DuplicateKeyException e) {
            throw new ExerciseConflictException("An exercise with id " + id + " exists already"
                    + "; choose another slug or edit that one.");
        }
    }

    public Change update(String clinicId, String id, long expectedVersion, ExerciseDraft draft) {
        Exercise current = ownedBy(clinicId, id);
        requireVersion(current, expectedVersion);
        if (current.retired()) {
            throw new ExerciseConflictException("Exercise " + id + " is retired; create a new exercise instead of editing it.");
        }
        validate(draft, id, clinicId);
        // an edit of built-in content stays based on the content version it edits, so the next start keeps it
        // and only a newer content file replaces it (BuiltInUpgrade)
        Exercise next = draft.toExercise(id, clinicId, current.version() + 1).basedOnContent(current.contentVersion())
                .asVersion(current.version() + 1, clock.instant());
        return announce(exercises.replace(next, current.version()).orElseThrow(() -> new StaleVersionException(id)));
    }

    public Change retire(String clinicId, String id, long expectedVersion) {
        Exercise current = ownedBy(clinicId, id);
        requireVersion(current, expectedVersion);
        if (current.retired()) {
            return new Change(current, current.publication() == Publication.PENDING
                    || current.publication() == Publication.PUBLISHING);
        }
        return announce(exercises.replace(current.retire(clock.instant()), current.version())
                .orElseThrow(() -> new StaleVersionException(id)));
    }

    private Change announce(Exercise written) {
        return new Change(written, !events.announce(written));
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
