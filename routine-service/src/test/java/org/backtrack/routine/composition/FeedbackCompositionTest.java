package org.backtrack.routine.composition;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Composition with feedback adjustments, on the shipped catalog: examples, and properties over random requests. */
class FeedbackCompositionTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    final RoutineComposer composer = new RoutineComposer();

    static CompositionRequest request(int minutes, String timeOfDay, String stage) {
        return new CompositionRequest("patient-1", minutes, timeOfDay, Set.of("LOWER_BACK", "HIPS"), Set.of("FOAM_ROLLER"), stage,
                Set.of(), Set.of(), DAY);
    }

    static List<String> ids(RoutinePlan plan) {
        return plan.items().stream().map(RoutinePlan.Item::exerciseId).toList();
    }

    @Test
    void anExerciseThatHurtWithoutARegressionIsLeftOutAndTheNotesSaySo() {
        CompositionRequest morning = request(10, "MORNING", "BASIC");
        assertThat(ids(composer.compose(morning, ShippedCatalog.ENTRIES))).contains("leg-swings");

        RoutinePlan plan = composer.compose(morning, ShippedCatalog.ENTRIES,
                List.of(new ExerciseAdjustment("leg-swings", List.of(), false, "hurt on 2026-11-22")));

        assertThat(ids(plan)).doesNotContain("leg-swings");
        assertThat(plan.notes()).contains("Leg Swings left out: it hurt on 2026-11-22.");
        assertThat(plan.totalSeconds()).isBetween(540, 660);
    }

    @Test
    void anExerciseThatHurtIsReplacedByItsFirstRegressionThatFits() {
        CompositionRequest evening = request(15, "EVENING", "DEEPER");
        assertThat(ids(composer.compose(evening, ShippedCatalog.ENTRIES))).contains("pigeon-pose");
        CatalogEntry pigeon = ShippedCatalog.byId("pigeon-pose");

        RoutinePlan plan = composer.compose(evening, ShippedCatalog.ENTRIES,
                List.of(new ExerciseAdjustment("pigeon-pose", pigeon.regressions(), false, "hurt on 2026-11-22")));

        assertThat(ids(plan)).doesNotContain("pigeon-pose").contains("childs-pose");
        assertThat(plan.items()).filteredOn(i -> i.exerciseId().equals("childs-pose")).singleElement()
                .satisfies(i -> assertThat(i.reason()).endsWith("in place of Pigeon Pose, which hurt on 2026-11-22"));
        assertThat(plan.notes()).contains("Child's Pose in place of Pigeon Pose, which hurt on 2026-11-22.");
    }

    @Test
    void aProgressionIsOfferedWhereItFitsAndTheEasyExerciseStaysWhereNoneDoes() {
        var tooEasy = List.of(new ExerciseAdjustment("childs-pose", List.of("pigeon-pose"), true, "was too easy in the last 3 sessions"));

        RoutinePlan evening = composer.compose(request(15, "EVENING", "DEEPER"), ShippedCatalog.ENTRIES, tooEasy);
        assertThat(ids(evening)).contains("pigeon-pose").doesNotContain("childs-pose");

        // pigeon pose is an evening stretch: in the morning child's pose stays as it was
        RoutinePlan morning = composer.compose(request(15, "MORNING", "DEEPER"), ShippedCatalog.ENTRIES, tooEasy);
        assertThat(ids(morning)).doesNotContain("pigeon-pose");
        assertThat(morning).isEqualTo(composer.compose(request(15, "MORNING", "DEEPER"), ShippedCatalog.ENTRIES));
    }

    @Test
    void anAlternativeThatHurtItselfIsNeverChosen() {
        RoutinePlan plan = composer.compose(request(15, "EVENING", "DEEPER"), ShippedCatalog.ENTRIES, List.of(
                new ExerciseAdjustment("childs-pose", List.of("pigeon-pose"), true, "was too easy in the last 3 sessions"),
                ExerciseAdjustment.leaveOut("pigeon-pose", "hurt on 2026-11-22")));
        assertThat(ids(plan)).doesNotContain("pigeon-pose");
    }

    @Property(tries = 3000)
    void whatMayNotStayIsNeverInThePlanAndThePlanKeepsItsBudget(@ForAll("requests") CompositionRequest request,
                                                                 @ForAll("adjustments") List<ExerciseAdjustment> adjustments) {
        RoutinePlan plan = composer.compose(request, ShippedCatalog.ENTRIES, adjustments);

        List<String> leftOut = adjustments.stream().filter(a -> !a.keepWhenNoneFits()).map(ExerciseAdjustment::exerciseId).toList();
        assertThat(ids(plan)).filteredOn(leftOut::contains).isEmpty();
        assertThat(ids(plan)).doesNotHaveDuplicates();
        assertThat(plan.items()).allSatisfy(i -> assertThat(RoutineComposer.eligible(ShippedCatalog.byId(i.exerciseId()), request)).isTrue());
        int limit = Math.min(request.budgetSeconds() + RoutineComposer.MAX_OVER_SECONDS, (int) Math.floor(request.budgetSeconds() * 1.1));
        assertThat(plan.totalSeconds()).isLessThanOrEqualTo(limit)
                .isEqualTo(plan.items().stream().mapToInt(i -> i.seconds() + i.transitionSeconds()).sum());
        assertThat(plan.items()).extracting(RoutinePlan.Item::section).isSortedAccordingTo(Enum::compareTo);
        if (adjustments.isEmpty()) {
            assertThat(plan).isEqualTo(composer.compose(request, ShippedCatalog.ENTRIES));
        }
    }

    @Provide
    Arbitrary<CompositionRequest> requests() {
        return Combinators.combine(Arbitraries.integers().between(5, 45), Arbitraries.of("MORNING", "EVENING", "ANY"),
                        Arbitraries.of("BASIC", "DEEPER", "STRENGTHENING"), Arbitraries.integers().between(0, 364))
                .as((minutes, time, stage, day) -> new CompositionRequest("p" + day, minutes, time, Set.of("LOWER_BACK"),
                        Set.of("FOAM_ROLLER", "MASSAGE_BALL"), stage, Set.of(), Set.of(), DAY.plusDays(day)));
    }

    @Provide
    Arbitrary<List<ExerciseAdjustment>> adjustments() {
        List<String> ids = ShippedCatalog.ENTRIES.stream().map(CatalogEntry::id).toList();
        Arbitrary<ExerciseAdjustment> one = Combinators.combine(Arbitraries.of(ids), Arbitraries.of(ids).list().ofMaxSize(3),
                        Arbitraries.of(true, false))
                .as((id, instead, keep) -> new ExerciseAdjustment(id, instead, keep, keep ? "was too easy" : "hurt"));
        return one.list().ofMaxSize(5);
    }
}
