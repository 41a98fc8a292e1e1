package org.backtrack.catalog.rules;

import org.backtrack.catalog.model.Dosage;
import org.backtrack.catalog.model.Exercise;
import org.backtrack.catalog.model.ExerciseDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Validation of a clinic-made exercise: every field named in its error, and the library graph kept sound. */
public final class ExerciseRules {

    public static final int MAX_NAME = 100;
    public static final int MAX_TEXT = 300;
    public static final int MAX_SUMMARY = 500;
    public static final int MAX_ITEMS = 12;
    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    /** A broken rule, naming the JSON field. */
    public record FieldError(String field, String message) {
    }

    private ExerciseRules() {
    }

    /** Slug derived from a name: lower case, letters and digits, dashes between words. */
    public static String slugOf(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }

    /**
     * @param draft   the exercise as sent
     * @param id      the id it will have
     * @param library everything the clinic sees, by id, without the old version of this exercise
     */
    public static List<FieldError> check(ExerciseDraft draft, String id, Map<String, Exercise> library) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "name", draft.name(), MAX_NAME, true);
        text(errors, "summary", draft.summary(), MAX_SUMMARY, false);
        required(errors, "stage", draft.stage());
        required(errors, "kind", draft.kind());
        if (draft.regions() == null || draft.regions().isEmpty()) {
            errors.add(new FieldError("regions", "needs at least one body region"));
        }
        // a null element would be stored and published as is, and every routine drawn from this library would fail on it
        noNulls(errors, "regions", draft.regions());
        noNulls(errors, "equipment", draft.equipment());
        noNulls(errors, "timeOfDay", draft.timeOfDay());
        noNulls(errors, "contraindications", draft.contraindications());
        noNulls(errors, "progressions", draft.progressions());
        noNulls(errors, "regressions", draft.regressions());
        list(errors, "steps", draft.steps(), true);
        list(errors, "cues", draft.cues(), false);
        list(errors, "cautions", draft.cautions(), false);
        list(errors, "stopIf", draft.stopIf(), false);
        dosage(errors, draft.dosage());
        if (errors.isEmpty()) {
            Exercise candidate = draft.toExercise(id, "candidate", 0);
            var graph = new ArrayList<>(library.values());
            graph.add(candidate);
            // the candidate's own problems, and a cycle it may close
            ContentGraph.findings(graph).stream().filter(p -> p.exerciseId() == null || p.exerciseId().equals(id))
                    .forEach(p -> errors.add(new FieldError(p.link() == ContentGraph.Link.REGRESSIONS ? "regressions" : "progressions",
                            p.detail())));
        }
        return errors;
    }

    private static void noNulls(List<FieldError> errors, String field, List<?> items) {
        if (items != null && items.stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError(field, "must not contain null"));
        }
    }

    private static void required(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static void list(List<FieldError> errors, String field, List<String> items, boolean required) {
        if (items == null || items.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "needs at least one entry"));
            }
            return;
        }
        if (items.size() > MAX_ITEMS) {
            errors.add(new FieldError(field, "must have at most " + MAX_ITEMS + " entries"));
        }
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (item == null || item.isBlank() || item.length() > MAX_TEXT) {
                errors.add(new FieldError(field + "[" + i + "]", "must be 1 to " + MAX_TEXT + " characters"));
            }
        }
    }

    private static void dosage(List<FieldError> errors, Dosage dosage) {
        if (dosage == null) {
            errors.add(new FieldError("dosage", "is required"));
            return;
        }
        if (dosage.reps() < 1 || dosage.reps() > 100) {
            errors.add(new FieldError("dosage.reps", "must be from 1 to 100"));
        }
        if (dosage.sets() < 1 || dosage.sets() > 10) {
            errors.add(new FieldError("dosage.sets", "must be from 1 to 10"));
        }
        if ((dosage.holdSeconds() == null) == (dosage.secondsPerRep() == null)) {
            errors.add(new FieldError("dosage", "needs exactly one of holdSeconds or secondsPerRep"));
        }
        if (dosage.holdSeconds() != null && (dosage.holdSeconds() < 1 || dosage.holdSeconds() > 600)) {
            errors.add(new FieldError("dosage.holdSeconds", "must be from 1 to 600"));
        }
        if (dosage.secondsPerRep() != null && (dosage.secondsPerRep() < 1 || dosage.secondsPerRep() > 60)) {
            errors.add(new FieldError("dosage.secondsPerRep", "must be from 1 to 60"));
        }
        if (dosage.restSeconds() < 0 || dosage.restSeconds() > 120) {
            errors.add(new FieldError("dosage.restSeconds", "must be from 0 to 120"));
        }
    }
}
