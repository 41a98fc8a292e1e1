package org.backtrack.catalog.rules;

import org.backtrack.catalog.content.BuiltInContent;
import org.backtrack.catalog.model.Dosage;
import org.backtrack.catalog.model.Exercise;
import org.backtrack.events.Kind;
import org.backtrack.events.Region;
import org.backtrack.events.Stage;
import org.backtrack.catalog.model.TimeOfDay;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ContentGraphTest {

    static List<Exercise> shippedLibrary() throws Exception {
        try (InputStream in = ContentGraphTest.class.getResourceAsStream("/catalog/exercises.json")) {
            return JsonMapper.builder().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build()
                    .readValue(in, BuiltInContent.ContentFile.class).exercises();
        }
    }

    static Exercise exercise(String id, Stage stage, List<String> progressions, List<String> regressions) {
        return new Exercise(id, null, id, stage, Kind.STATIC_HOLD, List.of(Region.LOWER_BACK), List.of(),
                List.of(TimeOfDay.MORNING), new Dosage(30, 1, 1, false, null, 0), 30, "s", List.of("step"), List.of(),
                List.of(), List.of(), List.of(), progressions, regressions, 1, 1, false, null, null, null);
    }

    @Test
    void theShippedLibraryIsSound() throws Exception {
        assertThat(ContentGraph.problems(shippedLibrary())).isEmpty();
    }

    @Test
    void theShippedLibraryHasEveryExerciseOfTheFactsSheet() throws Exception {
        Set<String> ids = shippedLibrary().stream().map(Exercise::id).collect(Collectors.toSet());
        assertThat(ids).contains("childs-pose", "cat-cow", "seated-forward-fold", "knee-to-chest",
                "standing-hip-circles", "leg-swings", "pigeon-pose", "lizard-pose", "thoracic-extension-foam-roller",
                "wall-angels", "dead-bug", "bird-dog", "glute-bridge", "foam-rolling", "massage-ball", "heat-cold");
        assertThat(shippedLibrary()).allSatisfy(e -> {
            assertThat(e.steps()).isNotEmpty();
            assertThat(e.stopIf()).isNotEmpty();
            assertThat(e.regions()).isNotEmpty();
        });
    }

    @Test
    void reportsMissingTargets() {
        var library = List.of(exercise("a", Stage.BASIC, List.of("ghost"), List.of()));
        assertThat(ContentGraph.problems(library)).containsExactly("a: progression ghost does not exist");
    }

    @Test
    void eachProblemNamesTheExerciseAndTheListAtFault() {
        var library = List.of(exercise("a", Stage.DEEPER, List.of(), List.of("ghost")),
                exercise("b", Stage.BASIC, List.of("c"), List.of()), exercise("c", Stage.BASIC, List.of("b"), List.of()));

        assertThat(ContentGraph.findings(library)).contains(
                new ContentGraph.Problem("a", ContentGraph.Link.REGRESSIONS, "regression ghost does not exist"),
                new ContentGraph.Problem("b", ContentGraph.Link.PROGRESSIONS, "progression c must lead to a harder stage, but goes BASIC -> BASIC"))
                .anySatisfy(p -> assertThat(p.exerciseId()).isNull()); // the cycle belongs to no one exercise
    }

    @Test
    void reportsProgressionsThatDoNotGetHarder() {
        var library = List.of(exercise("a", Stage.DEEPER, List.of("b"), List.of()),
                exercise("b", Stage.BASIC, List.of(), List.of("a")));
        assertThat(ContentGraph.problems(library)).hasSize(2).allMatch(p -> p.contains("must lead to a"));
    }

    @Test
    void reportsSameStageProgressionAndTheCycleItMakes() {
        var library = List.of(exercise("a", Stage.BASIC, List.of("b"), List.of()),
                exercise("b", Stage.BASIC, List.of("a"), List.of()));
        assertThat(ContentGraph.problems(library)).anyMatch(p -> p.startsWith("progression cycle"));
    }

    @Test
    void reportsDuplicateIdsAndEmptyDosage() {
        Exercise timeless = new Exercise("t", null, "t", Stage.BASIC, Kind.DYNAMIC, List.of(), List.of(), List.of(),
                new Dosage(null, 1, 1, false, null, 0), 0, "s", List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), 1, 1, false, null, null, null);
        assertThat(ContentGraph.problems(List.of(timeless, timeless)))
                .contains("t: duplicate id", "t: dosage yields no duration");
    }
}
