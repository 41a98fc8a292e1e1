package org.backtrack.routine.feedback;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.backtrack.events.ExerciseFeeling;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The history a patient's feedback is kept in: idempotent, order-independent, corrected, bounded. */
class FeedbackHistoryTest {

    static final Instant DAY_0 = Instant.parse("2026-11-01T08:00:00Z");

    static ReportedSession session(String id, int day, boolean redFlag, ReportedSession.Exercise... exercises) {
        return new ReportedSession(id, DAY_0.plus(Duration.ofDays(day)), DAY_0.plus(Duration.ofDays(day)).plusSeconds(60),
                List.of(exercises), redFlag);
    }

    static ReportedSession.Exercise felt(String id, ExerciseFeeling felt) {
        return new ReportedSession.Exercise(id, felt, false);
    }

    static ReportedSession.Exercise hurt(String id) {
        return new ReportedSession.Exercise(id, null, true);
    }

    @Test
    void keepsTheNewestEntriesPerExerciseNewestFirstByCompletedAt() {
        FeedbackHistory history = FeedbackHistory.EMPTY;
        for (int day = 9; day >= 0; day--) { // arriving newest first, as a late sync might
            history = history.withSession(session("s-" + day, day, false, felt("cat-cow", ExerciseFeeling.TOO_EASY)));
        }
        assertThat(history.of("cat-cow").entries()).extracting(FeedbackEntry::sessionId)
                .containsExactly("s-9", "s-8", "s-7", "s-6", "s-5", "s-4");
    }

    @Test
    void aCorrectionReplacesWhatItsSessionSaidAndAnOlderVersionArrivingLateChangesNothing() {
        ReportedSession first = session("s-1", 1, false, hurt("leg-swings"));
        ReportedSession corrected = new ReportedSession("s-1", first.completedAt(), first.version().plusSeconds(600),
                List.of(felt("cat-cow", ExerciseFeeling.ABOUT_RIGHT)), false);

        FeedbackHistory history = FeedbackHistory.EMPTY.withSession(first).withSession(corrected);
        assertThat(history.exercises()).extracting(ExerciseFeedback::exerciseId).containsExactly("cat-cow");
        assertThat(history.withSession(first)).isEqualTo(history);
        assertThat(history.withSession(corrected)).isEqualTo(history);
    }

    @Test
    void anExerciseListedTwiceInOneSessionIsOneEntryThatHurtIfEitherSaysSo() {
        FeedbackHistory history = FeedbackHistory.EMPTY.withSession(session("s-1", 1, false,
                felt("cat-cow", ExerciseFeeling.TOO_EASY), hurt("cat-cow")));
        assertThat(history.of("cat-cow").entries()).singleElement().satisfies(e -> {
            assertThat(e.hurt()).isTrue();
            assertThat(e.felt()).isEqualTo(ExerciseFeeling.TOO_EASY);
        });
    }

    @Test
    void aRedFlagIsOpenUntilItsAlertIsResolvedWhicheverArrivesFirst() {
        FeedbackHistory reported = FeedbackHistory.EMPTY.withSession(session("s-1", 1, true));
        assertThat(reported.redFlagOpen()).isTrue();
        FeedbackHistory raised = reported.withRedFlagRaised("a-1", "s-1", DAY_0);
        assertThat(raised.redFlags()).hasSize(1);
        assertThat(raised.redFlagOpen()).isTrue();
        assertThat(raised.withRedFlagResolved("a-1", DAY_0).redFlagOpen()).isFalse();

        // the alert's events before the session: raised, resolved, then the session itself
        FeedbackHistory alertsFirst = FeedbackHistory.EMPTY.withRedFlagResolved("a-1", DAY_0).withRedFlagRaised("a-1", "s-1", DAY_0)
                .withSession(session("s-1", 1, true));
        assertThat(alertsFirst.redFlagOpen()).isFalse();
        assertThat(alertsFirst.redFlags()).hasSize(1);
        // a raise seen only now (no session) is open too
        assertThat(FeedbackHistory.EMPTY.withRedFlagRaised("a-2", "s-2", DAY_0).redFlagOpen()).isTrue();
    }

    @Test
    void aRedFlagCorrectedAwayBeforeAnyAlertClosesIt() {
        FeedbackHistory history = FeedbackHistory.EMPTY.withSession(session("s-1", 1, true));
        ReportedSession corrected = new ReportedSession("s-1", history.sessions().get(0).completedAt(),
                history.sessions().get(0).version().plusSeconds(1), List.of(), false);
        assertThat(history.withSession(corrected).redFlagOpen()).isFalse();
    }

    /** Events as they may arrive: in any order, some twice. */
    @Property(tries = 1000)
    void theSameEventsInAnyOrderAndRepeatedGiveTheSameHistory(@ForAll("sessions") List<ReportedSession> sessions,
                                                              @ForAll long seed) {
        FeedbackHistory inOrder = FeedbackHistory.EMPTY;
        for (ReportedSession s : sessions) {
            inOrder = inOrder.withSession(s);
        }
        List<ReportedSession> shuffled = new ArrayList<>(sessions);
        shuffled.addAll(sessions.subList(0, sessions.size() / 2));
        Collections.shuffle(shuffled, new Random(seed));
        FeedbackHistory anyOrder = FeedbackHistory.EMPTY;
        for (ReportedSession s : shuffled) {
            anyOrder = anyOrder.withSession(s);
        }
        assertThat(anyOrder).isEqualTo(inOrder);
    }

    @Property(tries = 300)
    void staysBoundedWhateverArrives(@ForAll("floods") List<ReportedSession> sessions) {
        FeedbackHistory history = FeedbackHistory.EMPTY;
        for (ReportedSession s : sessions) {
            history = history.withSession(s);
        }
        assertThat(history.exercises()).hasSizeLessThanOrEqualTo(FeedbackHistory.MAX_EXERCISES)
                .allSatisfy(e -> assertThat(e.entries()).hasSizeLessThanOrEqualTo(FeedbackHistory.MAX_ENTRIES_PER_EXERCISE)
                        .isSortedAccordingTo(Comparator.comparing(FeedbackEntry::completedAt).reversed()));
        assertThat(history.sessions()).hasSizeLessThanOrEqualTo(FeedbackHistory.MAX_SESSIONS);
        assertThat(history.redFlags()).hasSizeLessThanOrEqualTo(FeedbackHistory.MAX_RED_FLAGS);
    }

    /** Distinct sessions (one version each) over a few exercises. */
    @Provide
    Arbitrary<List<ReportedSession>> sessions() {
        Arbitrary<ReportedSession.Exercise> exercise = Combinators.combine(Arbitraries.of("cat-cow", "leg-swings", "childs-pose"),
                Arbitraries.of(ExerciseFeeling.class).injectNull(0.2), Arbitraries.of(true, false))
                .as(ReportedSession.Exercise::new);
        return Combinators.combine(Arbitraries.integers().between(0, 30), exercise.list().ofMaxSize(4), Arbitraries.of(true, false))
                .as((day, exercises, redFlag) -> new ReportedSession("s-" + day, DAY_0.plus(Duration.ofDays(day)),
                        DAY_0.plus(Duration.ofDays(day)), exercises, redFlag))
                .list().ofMaxSize(20).uniqueElements(ReportedSession::sessionId);
    }

    /** Many sessions of up to 100 exercises each, from a large set of ids. */
    @Provide
    Arbitrary<List<ReportedSession>> floods() {
        Arbitrary<ReportedSession.Exercise> exercise = Combinators.combine(Arbitraries.integers().between(0, 400).map(i -> "e-" + i),
                Arbitraries.of(ExerciseFeeling.class), Arbitraries.of(true, false)).as(ReportedSession.Exercise::new);
        return Combinators.combine(Arbitraries.integers().between(0, 10_000), exercise.list().ofMaxSize(100), Arbitraries.of(true, false))
                .as((n, exercises, redFlag) -> new ReportedSession("s-" + n, DAY_0.plus(Duration.ofHours(n)), DAY_0.plus(Duration.ofHours(n)),
                        exercises, redFlag))
                .list().ofMinSize(50).ofMaxSize(300);
    }
}
