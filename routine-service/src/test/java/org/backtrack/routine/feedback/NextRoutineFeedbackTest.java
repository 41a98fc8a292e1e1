package org.backtrack.routine.feedback;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.backtrack.events.ExerciseFeeling;
import org.backtrack.events.Stage;
import org.backtrack.routine.composition.CatalogEntry;
import org.backtrack.routine.composition.ExerciseAdjustment;
import org.backtrack.routine.composition.ShippedCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.events.ExerciseFeeling.ABOUT_RIGHT;
import static org.backtrack.events.ExerciseFeeling.TOO_EASY;
import static org.backtrack.routine.feedback.FeedbackHistoryTest.felt;
import static org.backtrack.routine.feedback.FeedbackHistoryTest.hurt;
import static org.backtrack.routine.feedback.FeedbackHistoryTest.session;

/** What feedback changes in the next routine, on the shipped catalog's progressions and regressions. */
class NextRoutineFeedbackTest {

    final NextRoutineFeedback rules = new NextRoutineFeedback();

    static FeedbackHistory feelings(String exerciseId, ExerciseFeeling... oldestFirst) {
        FeedbackHistory history = FeedbackHistory.EMPTY;
        for (int day = 0; day < oldestFirst.length; day++) {
            history = history.withSession(session("s-" + day, day, false, felt(exerciseId, oldestFirst[day])));
        }
        return history;
    }

    NextRoutineFeedback.Decision decide(FeedbackHistory history, String stage) {
        return rules.decide(history, ShippedCatalog.ENTRIES, stage, "clinic-7", "patient-42");
    }

    @Test
    void anExerciseThatHurtIsRegressedToItsCatalogRegressions() {
        FeedbackHistory history = FeedbackHistory.EMPTY.withSession(session("s-1", 1, false, hurt("pigeon-pose")));
        assertThat(decide(history, "DEEPER").adjustments()).singleElement().satisfies(a -> {
            assertThat(a.exerciseId()).isEqualTo("pigeon-pose");
            assertThat(a.instead()).containsExactlyElementsOf(ShippedCatalog.byId("pigeon-pose").regressions());
            assertThat(a.keepWhenNoneFits()).isFalse();
            assertThat(a.reason()).isEqualTo("hurt on 2026-11-02");
        });
    }

    @Test
    void aRegressionThatHurtItselfIsNotOffered() {
        FeedbackHistory history = FeedbackHistory.EMPTY.withSession(session("s-1", 1, false, hurt("pigeon-pose"), hurt("childs-pose")));
        assertThat(decide(history, "DEEPER").adjustments()).filteredOn(a -> a.exerciseId().equals("pigeon-pose")).singleElement()
                .satisfies(a -> assertThat(a.instead()).doesNotContain("childs-pose").contains("knee-to-chest"));
    }

    @Test
    void aLaterSessionWithoutPainLiftsIt() {
        FeedbackHistory history = FeedbackHistory.EMPTY.withSession(session("s-1", 1, false, hurt("leg-swings")))
                .withSession(session("s-2", 2, false, felt("leg-swings", ABOUT_RIGHT)));
        assertThat(decide(history, "BASIC").adjustments()).isEmpty();
    }

    @ParameterizedTest(name = "{0} at {1}: offered {2}, proposed {3}")
    @CsvSource({
            "TOO_EASY TOO_EASY TOO_EASY, DEEPER, true, false",
            "TOO_EASY TOO_EASY TOO_EASY, STRENGTHENING, true, false",
            "TOO_EASY TOO_EASY TOO_EASY, BASIC, false, true",
            "ABOUT_RIGHT TOO_EASY TOO_EASY TOO_EASY, DEEPER, true, false",
            "TOO_EASY TOO_EASY, DEEPER, false, false",
            "TOO_EASY ABOUT_RIGHT TOO_EASY TOO_EASY, DEEPER, false, false",
            "TOO_EASY TOO_EASY TOO_EASY TOO_HARD, DEEPER, false, false",
            "TOO_EASY TOO_EASY TOO_EASY ABOUT_RIGHT, BASIC, false, false",
    })
    void threeTooEasySessionsRunningOfferTheProgressionWithinTheStageOrProposeTheStepBeyond(String feelings, String stage,
                                                                                        boolean offered, boolean proposed) {
        ExerciseFeeling[] run = Arrays.stream(feelings.split(" ")).map(ExerciseFeeling::valueOf).toArray(ExerciseFeeling[]::new);
        var decision = decide(feelings("childs-pose", run), stage);

        assertThat(decision.adjustments()).as("offered").hasSize(offered ? 1 : 0);
        decision.adjustments().forEach(a -> {
            assertThat(a.instead()).containsExactly("pigeon-pose");
            assertThat(a.keepWhenNoneFits()).isTrue();
        });
        assertThat(decision.proposals()).as("proposed").hasSize(proposed ? 1 : 0);
        decision.proposals().forEach(p -> {
            assertThat(p.toStage()).isEqualTo(Stage.DEEPER);
            assertThat(p.progressionId()).isEqualTo("pigeon-pose");
            assertThat(p.reason()).contains("Child's Pose was too easy in the last 3 sessions");
        });
    }

    @Test
    void theProposalIdIsAnIdentifierAndTheSameForTheSameRun() {
        var first = decide(feelings("childs-pose", TOO_EASY, TOO_EASY, TOO_EASY), "BASIC").proposals().get(0);
        var again = decide(feelings("childs-pose", TOO_EASY, TOO_EASY, TOO_EASY), "BASIC").proposals().get(0);
        var longer = decide(feelings("childs-pose", TOO_EASY, TOO_EASY, TOO_EASY, TOO_EASY), "BASIC").proposals().get(0);
        assertThat(first.proposalId()).isEqualTo(again.proposalId()).matches("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");
        assertThat(longer.proposalId()).isNotEqualTo(first.proposalId());
    }

    @Test
    void nothingProgressesWhileARedFlagIsOpenAndItDoesOnceResolved() {
        FeedbackHistory easy = feelings("childs-pose", TOO_EASY, TOO_EASY, TOO_EASY);
        FeedbackHistory flagged = easy.withSession(session("s-red", 0, true));
        assertThat(decide(flagged, "DEEPER").adjustments()).isEmpty();
        assertThat(decide(flagged, "BASIC").proposals()).isEmpty();

        FeedbackHistory acknowledged = flagged.withRedFlagRaised("a-1", "s-red", FeedbackHistoryTest.DAY_0)
                .withRedFlagResolved("a-1", FeedbackHistoryTest.DAY_0);
        assertThat(decide(acknowledged, "DEEPER").adjustments()).hasSize(1);
    }

    @Test
    void aRedFlagStillRegressesWhatHurt() {
        FeedbackHistory history = FeedbackHistory.EMPTY.withSession(session("s-1", 1, true, hurt("leg-swings")));
        assertThat(decide(history, "BASIC").adjustments()).extracting(ExerciseAdjustment::exerciseId).containsExactly("leg-swings");
    }

    @Test
    void theRulesAreListed() {
        assertThat(NextRoutineFeedback.allCurrentPolicies()).containsExactly("HurtExercisePolicy", "TooEasyProgressionPolicy");
    }

    /** Over random feedback: safety holds whatever the patient said. */
    @Property(tries = 2000)
    void painComesFirstAndNothingProgressesWhileARedFlagIsOpen(@ForAll("histories") FeedbackHistory history,
                                                               @ForAll("stages") String stage) {
        var decision = decide(history, stage);
        Set<String> hurtLastTime = history.exercises().stream().filter(ExerciseFeedback::hurtLastTime)
                .map(ExerciseFeedback::exerciseId).collect(Collectors.toSet());
        List<String> stages = List.of("BASIC", "DEEPER", "STRENGTHENING");

        // every exercise that hurt last time is adjusted, may not stay, and nothing that hurt is offered in its place
        assertThat(decision.adjustments()).filteredOn(a -> hurtLastTime.contains(a.exerciseId()))
                .hasSize(hurtLastTime.size())
                .allSatisfy(a -> assertThat(a.keepWhenNoneFits()).isFalse());
        assertThat(decision.adjustments()).allSatisfy(a -> assertThat(a.instead()).filteredOn(hurtLastTime::contains).isEmpty());
        assertThat(decision.adjustments()).extracting(ExerciseAdjustment::exerciseId).doesNotHaveDuplicates();
        if (history.redFlagOpen()) {
            assertThat(decision.adjustments()).allSatisfy(a -> assertThat(a.keepWhenNoneFits()).isFalse());
            assertThat(decision.proposals()).isEmpty();
        }
        // progressions offered stay within the stage; proposals go beyond it
        decision.adjustments().stream().filter(ExerciseAdjustment::keepWhenNoneFits).flatMap(a -> a.instead().stream())
                .forEach(id -> assertThat(stages.indexOf(ShippedCatalog.byId(id).stage())).isLessThanOrEqualTo(stages.indexOf(stage)));
        decision.proposals().forEach(p -> assertThat(p.toStage().rung()).isGreaterThan(stages.indexOf(stage)));
    }

    @Provide
    Arbitrary<String> stages() {
        return Arbitraries.of("BASIC", "DEEPER", "STRENGTHENING");
    }

    @Provide
    Arbitrary<FeedbackHistory> histories() {
        List<String> ids = ShippedCatalog.ENTRIES.stream().map(CatalogEntry::id).toList();
        Arbitrary<ReportedSession.Exercise> exercise = Combinators.combine(Arbitraries.of(ids),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(TOO_EASY)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(ExerciseFeeling.class).injectNull(0.3))),
                Arbitraries.integers().between(0, 9).map(n -> n == 0)).as(ReportedSession.Exercise::new);
        Arbitrary<ReportedSession> session = Combinators.combine(Arbitraries.integers().between(0, 40),
                        exercise.list().ofMaxSize(6), Arbitraries.integers().between(0, 14).map(n -> n == 0))
                .as((day, exercises, redFlag) -> session("s-" + day, day, redFlag, exercises.toArray(ReportedSession.Exercise[]::new)));
        return session.list().ofMaxSize(25).map(sessions -> {
            FeedbackHistory history = FeedbackHistory.EMPTY;
            for (ReportedSession s : sessions) {
                history = history.withSession(s);
            }
            return history;
        });
    }

}
