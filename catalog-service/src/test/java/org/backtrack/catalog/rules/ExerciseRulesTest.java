package org.backtrack.catalog.rules;

import org.backtrack.catalog.model.Contraindication;
import org.backtrack.catalog.model.Dosage;
import org.backtrack.catalog.model.Equipment;
import org.backtrack.catalog.model.Exercise;
import org.backtrack.catalog.model.ExerciseDraft;
import org.backtrack.events.Kind;
import org.backtrack.events.Region;
import org.backtrack.events.Stage;
import org.backtrack.catalog.model.TimeOfDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExerciseRulesTest {

    static final Map<String, Exercise> LIBRARY = Map.of(
            "pigeon-pose", ContentGraphTest.exercise("pigeon-pose", Stage.DEEPER, List.of(), List.of()),
            "cat-cow", ContentGraphTest.exercise("cat-cow", Stage.BASIC, List.of("pigeon-pose"), List.of()));

    static ExerciseDraft draft(String name, Dosage dosage, List<String> steps, List<String> progressions) {
        return new ExerciseDraft(null, name, Stage.BASIC, Kind.STATIC_HOLD, List.of(Region.LOWER_BACK), List.of(), List.of(),
                dosage, "A gentle stretch.", steps, List.of(), List.of(), List.of(), List.of(), progressions, List.of());
    }

    static List<String> fields(ExerciseDraft draft) {
        return ExerciseRules.check(draft, "c.x", LIBRARY).stream().map(ExerciseRules.FieldError::field).toList();
    }

    static final Dosage HOLD = new Dosage(30, 1, 2, false, null, 10);

    @Test
    void aSoundDraftPasses() {
        assertThat(fields(draft("Wall lean", HOLD, List.of("Lean."), List.of("pigeon-pose")))).isEmpty();
    }

    @Test
    void namesEveryMissingPart() {
        var empty = new ExerciseDraft(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(fields(empty)).containsExactlyInAnyOrder("name", "stage", "kind", "regions", "steps", "dosage");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "no reps, 30, 0, 1, -, 0, dosage.reps",
            "too many sets, 30, 1, 11, -, 0, dosage.sets",
            "hold and per-rep both, 30, 1, 1, 5, 0, dosage",
            "neither hold nor per-rep, -, 1, 1, -, 0, dosage",
            "hold too long, 601, 1, 1, -, 0, dosage.holdSeconds",
            "rest too long, 30, 1, 1, -, 121, dosage.restSeconds",
    })
    void checksTheDosage(String name, Integer hold, int reps, int sets, Integer perRep, int rest, String field) {
        assertThat(fields(draft("Wall lean", new Dosage(hold, reps, sets, false, perRep, rest), List.of("Lean."), List.of())))
                .containsExactly(field);
    }

    @Test
    void limitsTextLengthsAndListSizes() {
        List<String> tooMany = java.util.Collections.nCopies(13, "step");
        assertThat(fields(draft("x".repeat(101), HOLD, tooMany, List.of()))).containsExactlyInAnyOrder("name", "steps");
        assertThat(fields(draft("Wall lean", HOLD, List.of("ok", " ", "y".repeat(301)), List.of())))
                .containsExactly("steps[1]", "steps[2]");
    }

    @Test
    void progressionsMustExistAndGetHarder() {
        assertThat(fields(draft("Wall lean", HOLD, List.of("Lean."), List.of("ghost")))).containsExactly("progressions");
        assertThat(fields(draft("Wall lean", HOLD, List.of("Lean."), List.of("cat-cow")))).containsExactly("progressions");
    }

    @Test
    void listsMayNotHoldNull() {
        List<Region> regions = new java.util.ArrayList<>(List.of(Region.LOWER_BACK));
        regions.add(null);
        var withNulls = new ExerciseDraft(null, "Wall lean", Stage.BASIC, Kind.STATIC_HOLD, regions, java.util.Arrays.asList((Equipment) null),
                java.util.Arrays.asList(TimeOfDay.MORNING, null), HOLD, "A gentle stretch.", List.of("Lean."), List.of(), List.of(),
                List.of(), java.util.Arrays.asList((Contraindication) null), java.util.Arrays.asList("pigeon-pose", null),
                java.util.Arrays.asList((String) null));
        assertThat(fields(withNulls)).containsExactlyInAnyOrder("regions", "equipment", "timeOfDay", "contraindications",
                "progressions", "regressions");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Supported Cat-Cow, supported-cat-cow", "  Hip flexor (kneeling)!, hip-flexor-kneeling", "Ünïcode stretch, n-code-stretch"})
    void derivesSlugsFromNames(String name, String slug) {
        assertThat(ExerciseRules.slugOf(name)).isEqualTo(slug);
    }
}
