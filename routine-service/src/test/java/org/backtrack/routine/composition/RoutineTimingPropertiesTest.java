package org.backtrack.routine.composition;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.backtrack.events.Stage;
import org.backtrack.routine.composition.ExerciseTimeline.StepKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of composition and its timing over thousands of random requests: on the shipped catalog, and on random
 * catalogs (clinics add their own exercises with any dosage). Each plan's total is what a patient following every
 * step of its timeline takes, and the rules of the facts sheet hold.
 */
class RoutineTimingPropertiesTest {

    static final List<String> REGIONS = List.of("LOWER_BACK", "UPPER_BACK", "NECK", "WHOLE_SPINE", "HIPS", "GLUTES",
            "HAMSTRINGS", "HIP_FLEXORS", "SHOULDERS", "CORE");
    static final List<String> EQUIPMENT = List.of("FOAM_ROLLER", "YOGA_BLOCK", "WALL", "MASSAGE_BALL", "TOWEL", "MAT", "BED");
    static final List<String> CONDITIONS = List.of("KNEE_PROBLEMS", "WRIST_PROBLEMS", "HIP_PROBLEMS", "SHOULDER_PROBLEMS",
            "PREGNANCY", "OSTEOPOROSIS");
    static final List<String> STAGES = Stage.ladderNames();
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    final RoutineComposer composer = new RoutineComposer();

    @Property(tries = 5000)
    void onTheShippedCatalogThePlanIsItsTimelineAndFollowsTheFactsSheet(@ForAll("requests") CompositionRequest request) {
        RoutinePlan plan = composer.compose(request, ShippedCatalog.ENTRIES);

        assertTotalIsTheSimulatedTimeline(plan);
        assertWithinBudget(plan, request);
        List<CatalogEntry> eligible = ShippedCatalog.ENTRIES.stream().filter(e -> RoutineComposer.eligible(e, request)).toList();
        assertThat(plan.items()).extracting(RoutinePlan.Item::exerciseId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(eligible).extracting(CatalogEntry::id).contains(id));
        assertThat(plan.items()).extracting(RoutinePlan.Item::section).isSortedAccordingTo(Enum::compareTo);
        if (eligible.stream().anyMatch(e -> RoutineComposer.section(e) == RoutinePlan.Section.WARM_UP)) {
            assertThat(plan.items().get(0).section()).as("warm-up first").isEqualTo(RoutinePlan.Section.WARM_UP);
        }
        if ("STRENGTHENING".equals(request.stage())
                && eligible.stream().anyMatch(e -> RoutineComposer.section(e) == RoutinePlan.Section.STRENGTHENING)) {
            assertThat(plan.items().get(plan.items().size() - 1).section()).as("strengthening last").isEqualTo(RoutinePlan.Section.STRENGTHENING);
        }
        List<CatalogEntry> chosen = plan.items().stream().map(i -> ShippedCatalog.byId(i.exerciseId())).toList();
        if ("MORNING".equals(request.timeOfDay())) {
            // gentle and dynamic: morning exercises only, never a deep hold, a moving warm-up first when there is one
            assertThat(chosen).allSatisfy(e -> assertThat(e.timeOfDay()).contains("MORNING"))
                    .noneSatisfy(e -> assertThat(isDeeperHold(e)).isTrue());
            // a moving warm-up is a dynamic exercise of the basics; a dynamic one of a later stage (wall angels, for
            // the thoracic spine) is deeper work the morning may leave out, as the facts sheet's morning list does
            if (eligible.stream().anyMatch(e -> "DYNAMIC".equals(e.kind()) && RoutineComposer.section(e) == RoutinePlan.Section.WARM_UP)) {
                assertThat(chosen).anySatisfy(e -> assertThat(e.kind()).isEqualTo("DYNAMIC"));
            }
        }
        if ("EVENING".equals(request.timeOfDay())) {
            assertThat(chosen).allSatisfy(e -> assertThat(e.timeOfDay()).contains("EVENING"));
            if (!"BASIC".equals(request.stage()) && eligible.stream().anyMatch(RoutineTimingPropertiesTest::isDeeperHold)) {
                assertThat(chosen).as("evening: a deeper hold").anySatisfy(e -> assertThat(isDeeperHold(e)).isTrue());
            }
        }
    }

    @Property(tries = 3000)
    void onAnyCatalogThePlanIsItsTimelineAndStaysWithinTheBudget(@ForAll("catalogs") List<CatalogEntry> catalog,
                                                                 @ForAll("requests") CompositionRequest request) {
        RoutinePlan plan = composer.compose(request, catalog);

        assertTotalIsTheSimulatedTimeline(plan);
        assertWithinBudget(plan, request);
        assertThat(plan.items()).extracting(RoutinePlan.Item::section).isSortedAccordingTo(Enum::compareTo);
    }

    @Property(tries = 5000)
    void anExerciseTakesItsHoldsOrRepsItsSwitchesAndARestBetweenSetsOnly(@ForAll("dosages") ExerciseTimeline.Dosage dosage,
                                                                          @ForAll @IntRange(min = 1, max = 6) int sets) {
        List<ExerciseTimeline.Step> steps = ExerciseTimeline.steps(dosage, sets);
        int sides = dosage.perSide() ? 2 : 1;
        int rep = dosage.holdSeconds() != null ? dosage.holdSeconds() : dosage.secondsPerRep();
        // what a clinician would add up by hand
        int expected = ExerciseTimeline.GET_READY_SECONDS + sets * sides * dosage.reps() * rep
                + sets * (sides - 1) * ExerciseTimeline.SWITCH_SIDES_SECONDS + (sets - 1) * dosage.restSeconds();
        assertThat(ExerciseTimeline.seconds(dosage, sets)).isEqualTo(expected);
        assertThat(steps.stream().mapToInt(ExerciseTimeline.Step::durationSeconds).sum()).isEqualTo(expected);
        assertThat(steps.get(0).kind()).isEqualTo(StepKind.GET_READY);
        assertThat(steps.get(steps.size() - 1).kind()).isIn(StepKind.HOLD, StepKind.REPS);
        assertThat(steps).filteredOn(s -> s.kind() == StepKind.REST).hasSize(dosage.restSeconds() > 0 ? sets - 1 : 0);
        for (int i = 1; i < steps.size(); i++) {
            ExerciseTimeline.Step step = steps.get(i);
            assertThat(step.durationSeconds()).isPositive();
            if (step.kind() == StepKind.REST) { // between two sets, never between reps or sides
                assertThat(steps.get(i + 1).set()).isEqualTo(steps.get(i - 1).set() + 1);
            }
            if (step.kind() == StepKind.SWITCH_SIDES) {
                assertThat(steps.get(i - 1).side()).isEqualTo(ExerciseTimeline.Side.LEFT);
                assertThat(steps.get(i + 1).side()).isEqualTo(ExerciseTimeline.Side.RIGHT);
                assertThat(steps.get(i + 1).set()).isEqualTo(steps.get(i - 1).set());
            }
            if (step.kind() == StepKind.HOLD || step.kind() == StepKind.REPS) {
                assertThat(step.count()).isEqualTo(dosage.reps());
                assertThat(step.durationSeconds()).isEqualTo(step.count() * step.secondsPerRep());
                if (steps.get(i - 1).kind() == StepKind.HOLD || steps.get(i - 1).kind() == StepKind.REPS) {
                    // reps are one step: work follows work only from one set to the next of an exercise without rest
                    assertThat(dosage.restSeconds()).isZero();
                    assertThat(step.set()).isEqualTo(steps.get(i - 1).set() + 1);
                }
            }
        }
    }

    /** Walks the plan's timeline step by step as a patient would and compares the clock with the plan. */
    static void assertTotalIsTheSimulatedTimeline(RoutinePlan plan) {
        List<RoutineTimeline.Exercise> exercises = plan.items().stream()
                .map(i -> RoutineTimeline.Exercise.of(i, i.restSeconds(), i.cues(), i.stopIf())).toList();
        RoutineTimeline timeline = RoutineTimeline.of(exercises);
        int clock = 0;
        int[] perExercise = new int[plan.items().size() + 1];
        for (RoutineTimeline.Step step : timeline.steps()) {
            assertThat(step.startSeconds()).isEqualTo(clock);
            assertThat(step.durationSeconds()).isPositive();
            clock += step.durationSeconds();
            perExercise[step.exerciseOrder()] += step.durationSeconds();
        }
        assertThat(clock).isEqualTo(plan.totalSeconds()).isEqualTo(timeline.totalSeconds());
        for (RoutinePlan.Item item : plan.items()) {
            assertThat(perExercise[item.order()]).isEqualTo(item.seconds() + item.transitionSeconds());
        }
        assertThat(timeline.steps()).extracting(RoutineTimeline.Step::exerciseOrder).isSorted();
    }

    static void assertWithinBudget(RoutinePlan plan, CompositionRequest request) {
        int budget = request.budgetSeconds();
        assertThat(plan.totalSeconds()).as("never over by more than a minute or 10%%")
                .isLessThanOrEqualTo(Math.min(budget + 60, (int) (budget * 1.1)));
        if (plan.totalSeconds() < budget * 0.9) {
            assertThat(plan.notes()).as("a short plan explains itself").isNotEmpty();
        }
        assertThat(plan.items()).allSatisfy(item -> assertThat(item.sets()).isBetween(1, RoutineComposer.MAX_SETS));
    }

    static boolean isDeeperHold(CatalogEntry e) {
        return Stage.DEEPER.name().equals(e.stage()) && e.holdSeconds() != null && !"STRENGTH".equals(e.kind());
    }

    @Provide
    Arbitrary<CompositionRequest> requests() {
        List<String> ids = ShippedCatalog.ENTRIES.stream().map(CatalogEntry::id).toList();
        Arbitrary<Set<String>> conditions = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Set.<String>of())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(CONDITIONS).set().ofMaxSize(3)));
        Arbitrary<Set<String>> exclusions = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Set.<String>of())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(ids).set().ofMaxSize(3)));
        return Combinators.combine(Arbitraries.integers().between(0, 49), Arbitraries.integers().between(5, 45),
                        Arbitraries.of("MORNING", "EVENING", "ANY"), Arbitraries.of(REGIONS).set().ofMaxSize(4),
                        Arbitraries.of(EQUIPMENT).set(), Arbitraries.of(STAGES), conditions,
                        Arbitraries.integers().between(0, 364).flatMap(day -> exclusions.map(ex -> new DayAndExclusions(day, ex))))
                .as((patient, minutes, time, focus, equipment, stage, cond, dayEx) -> new CompositionRequest("p" + patient,
                        minutes, time, focus, equipment, stage, cond, dayEx.exclusions(), DAY.plusDays(dayEx.day())));
    }

    record DayAndExclusions(int day, Set<String> exclusions) {
    }

    @Provide
    Arbitrary<ExerciseTimeline.Dosage> dosages() {
        Arbitrary<Integer> hold = Arbitraries.integers().between(1, 120);
        Arbitrary<Integer> tempo = Arbitraries.integers().between(1, 12);
        Arbitrary<Boolean> isHold = Arbitraries.of(true, false);
        return Combinators.combine(isHold, hold, tempo, Arbitraries.integers().between(1, 20), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 60))
                .as((h, holdSeconds, secondsPerRep, reps, perSide, rest) -> new ExerciseTimeline.Dosage(
                        h ? holdSeconds : null, h ? null : secondsPerRep, reps, perSide, rest));
    }

    /** Catalogs of 1 to 14 exercises of any stage, kind and dosage a clinic could enter. */
    @Provide
    Arbitrary<List<CatalogEntry>> catalogs() {
        Arbitrary<CatalogEntry> entry = Combinators.combine(
                        Arbitraries.of("BASIC", "DEEPER", "STRENGTHENING", "RECOVERY_TOOL"),
                        Arbitraries.of("STATIC_HOLD", "DYNAMIC", "STRENGTH", "TOOL"),
                        Arbitraries.of(REGIONS).set().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of(EQUIPMENT).set().ofMaxSize(2),
                        Arbitraries.of("MORNING", "EVENING").set().ofMinSize(1),
                        dosages(),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.of(CONDITIONS).set().ofMaxSize(1))
                .as((stage, kind, regions, equipment, times, d, sets, cond) -> new CatalogEntry("x", "X", stage, kind, regions,
                        equipment, times, d.holdSeconds(), d.reps(), sets, d.perSide(), d.secondsPerRep(), d.restSeconds(), cond,
                        List.of("Breathe."), List.of("Sharp pain")));
        return entry.list().ofMinSize(1).ofMaxSize(14).map(list -> IntStream.range(0, list.size()).mapToObj(i -> {
            CatalogEntry e = list.get(i);
            return new CatalogEntry("custom-" + i, "Custom " + i, e.stage(), e.kind(), e.regions(), e.equipment(), e.timeOfDay(),
                    e.holdSeconds(), e.reps(), e.sets(), e.perSide(), e.secondsPerRep(), e.restSeconds(), e.contraindications(),
                    e.cues(), e.stopIf());
        }).toList());
    }
}
