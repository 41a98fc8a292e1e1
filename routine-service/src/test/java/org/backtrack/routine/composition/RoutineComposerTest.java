package org.backtrack.routine.composition;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Composition on the shipped catalog content: hand-picked cases and invariants over thousands of random requests. */
class RoutineComposerTest {

    static List<CatalogEntry> catalog;
    static Map<String, CatalogEntry> byId;
    final RoutineComposer composer = new RoutineComposer();
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @BeforeAll
    static void loadTheShippedCatalog() {
        catalog = ShippedCatalog.ENTRIES;
        byId = catalog.stream().collect(Collectors.toMap(CatalogEntry::id, Function.identity()));
    }

    static CompositionRequest request(int minutes, String timeOfDay, Set<String> focus, Set<String> equipment, String stage,
                                      Set<String> contraindications, LocalDate date) {
        return new CompositionRequest("patient-1", minutes, timeOfDay, focus, equipment, stage, contraindications, Set.of(), date);
    }

    @Test
    void aTenMinuteMorningRoutineStartsWithAWarmUpAndFitsTheBudget() {
        RoutinePlan plan = composer.compose(request(10, "MORNING", Set.of("LOWER_BACK"), Set.of(), "BASIC", Set.of(), DAY), catalog);
        assertThat(plan.items().get(0).section()).isEqualTo(RoutinePlan.Section.WARM_UP);
        assertThat(plan.totalSeconds()).isBetween(540, 660);
        assertThat(plan.items()).allSatisfy(item -> assertThat(byId.get(item.exerciseId()).stage()).isEqualTo("BASIC"));
        assertThat(plan.items()).allSatisfy(item -> assertThat(item.reason()).isNotBlank());
    }

    @Test
    void theStrengtheningStageEndsWithStrengthening() {
        RoutinePlan plan = composer.compose(request(20, "EVENING", Set.of("CORE"), Set.of("WALL", "FOAM_ROLLER"), "STRENGTHENING", Set.of(), DAY), catalog);
        assertThat(plan.items().get(plan.items().size() - 1).section()).isEqualTo(RoutinePlan.Section.STRENGTHENING);
    }

    @Test
    void theEveningBringsDeeperWorkOnTheDeeperStage() {
        RoutinePlan plan = composer.compose(request(15, "EVENING", Set.of("HIPS"), Set.of(), "DEEPER", Set.of(), DAY), catalog);
        assertThat(plan.items()).anySatisfy(item -> assertThat(byId.get(item.exerciseId()).stage()).isEqualTo("DEEPER"));
    }

    @Test
    void kneeProblemsLeaveOutKneelingPositions() {
        RoutinePlan plan = composer.compose(request(30, "ANY", Set.of(), Set.of("WALL", "FOAM_ROLLER", "YOGA_BLOCK"), "STRENGTHENING",
                Set.of("KNEE_PROBLEMS"), DAY), catalog);
        assertThat(plan.items()).isNotEmpty().allSatisfy(item ->
                assertThat(byId.get(item.exerciseId()).contraindications()).doesNotContain("KNEE_PROBLEMS"));
    }

    @Test
    void withoutEquipmentOnlyMatAndBedExercisesAreUsed() {
        RoutinePlan plan = composer.compose(request(20, "ANY", Set.of(), Set.of(), "DEEPER", Set.of(), DAY), catalog);
        assertThat(plan.items()).isNotEmpty().allSatisfy(item -> assertThat(byId.get(item.exerciseId()).equipment())
                .allMatch(q -> q.equals("MAT") || q.equals("BED")));
    }

    @Test
    void sameRequestSameDaySamePlanButVarietyAcrossDays() {
        var monday = request(10, "ANY", Set.of("HIPS"), Set.of(), "DEEPER", Set.of(), DAY);
        assertThat(composer.compose(monday, catalog)).isEqualTo(composer.compose(monday, catalog));
        Set<List<String>> distinct = new HashSet<>();
        for (int day = 0; day < 14; day++) {
            distinct.add(composer.compose(request(10, "ANY", Set.of("HIPS"), Set.of(), "DEEPER", Set.of(), DAY.plusDays(day)), catalog)
                    .items().stream().map(RoutinePlan.Item::exerciseId).toList());
        }
        assertThat(distinct).hasSizeGreaterThan(1);
    }

    @Test
    void anImpossibleRequestSaysWhyInsteadOfFailing() {
        Set<String> everything = catalog.stream().flatMap(e -> e.contraindications().stream()).collect(Collectors.toSet());
        RoutinePlan plan = composer.compose(request(10, "MORNING", Set.of(), Set.of(), "BASIC", everything, DAY), catalog);
        assertThat(plan.totalSeconds()).isLessThanOrEqualTo(660);
        if (plan.totalSeconds() < 540) {
            assertThat(plan.notes()).isNotEmpty();
        }
    }

    @Test
    void invariantsHoldForThousandsOfRandomRequests() {
        Random random = new Random(2026);
        List<String> regions = List.of("LOWER_BACK", "UPPER_BACK", "NECK", "WHOLE_SPINE", "HIPS", "GLUTES", "HAMSTRINGS", "HIP_FLEXORS", "SHOULDERS", "CORE");
        List<String> equipment = List.of("FOAM_ROLLER", "YOGA_BLOCK", "WALL", "MASSAGE_BALL", "TOWEL");
        List<String> conditions = List.of("KNEE_PROBLEMS", "WRIST_PROBLEMS", "HIP_PROBLEMS", "SHOULDER_PROBLEMS", "PREGNANCY", "OSTEOPOROSIS");
        List<String> stages = List.of("BASIC", "DEEPER", "STRENGTHENING");
        List<String> times = List.of("MORNING", "EVENING", "ANY");
        for (int i = 0; i < 3000; i++) {
            CompositionRequest r = new CompositionRequest("p" + random.nextInt(50), 5 + random.nextInt(41),
                    times.get(random.nextInt(3)), subset(regions, random), subset(equipment, random), stages.get(random.nextInt(3)),
                    random.nextInt(3) == 0 ? subset(conditions, random) : Set.of(),
                    random.nextInt(5) == 0 ? Set.of(catalog.get(random.nextInt(catalog.size())).id()) : Set.of(),
                    DAY.plusDays(random.nextInt(365)));
            RoutinePlan plan = composer.compose(r, catalog);
            int budget = r.budgetSeconds();

            assertThat(plan.totalSeconds()).as("never over by more than a minute or 10%%: %s", r)
                    .isLessThanOrEqualTo(Math.min(budget + 60, (int) (budget * 1.1)));
            int sum = plan.items().stream().mapToInt(item -> item.seconds() + item.transitionSeconds()).sum();
            assertThat(sum).isEqualTo(plan.totalSeconds());
            if (plan.totalSeconds() < budget * 0.9) {
                assertThat(plan.notes()).as("a short plan explains itself: %s", r).isNotEmpty();
            }
            assertThat(plan.items()).extracting(RoutinePlan.Item::section).isSortedAccordingTo(Enum::compareTo);
            assertThat(plan.items()).extracting(RoutinePlan.Item::exerciseId).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(RoutineComposer.eligible(byId.get(id), r)).isTrue());
            assertThat(plan.items()).allSatisfy(item -> assertThat(item.sets()).isBetween(1, RoutineComposer.MAX_SETS));
        }
    }

    static Set<String> subset(List<String> values, Random random) {
        Set<String> chosen = new HashSet<>();
        for (String value : values) {
            if (random.nextInt(3) == 0) {
                chosen.add(value);
            }
        }
        return chosen;
    }
}
