package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertType;
import org.backtrack.events.ProgressStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.progress.alerts.rules.Steps.CLINIC;
import static org.backtrack.progress.alerts.rules.Steps.PATIENT;
import static org.backtrack.progress.alerts.rules.Steps.arrivingLate;
import static org.backtrack.progress.alerts.rules.Steps.day;
import static org.backtrack.progress.alerts.rules.Steps.latest;
import static org.backtrack.progress.alerts.rules.Steps.numb;
import static org.backtrack.progress.alerts.rules.Steps.older;
import static org.backtrack.progress.alerts.rules.Steps.session;
import static org.backtrack.progress.alerts.rules.Steps.sharp;

class SessionAlertRulesTest {

    /** Runs steps through every rule in order, as the consumer does, collecting decisions and the open alerts. */
    static final class Run {
        final List<AlertDecision> decisions = new ArrayList<>();
        OpenAlerts open = OpenAlerts.NONE;

        Run apply(SessionStep... steps) {
            for (SessionStep step : steps) {
                var outcome = SessionAlertRules.decide(step, open);
                decisions.addAll(outcome.decisions());
                open = outcome.open();
            }
            return this;
        }

        List<AlertDecision.Raise> raises(AlertType type) {
            return decisions.stream().filter(d -> d instanceof AlertDecision.Raise r && r.identity().type() == type)
                    .map(d -> (AlertDecision.Raise) d).toList();
        }

        List<AlertDecision.Resolve> resolutions(AlertType type) {
            return decisions.stream().filter(d -> d instanceof AlertDecision.Resolve r && r.type() == type)
                    .map(d -> (AlertDecision.Resolve) d).toList();
        }
    }

    static Run run(SessionStep... steps) {
        return new Run().apply(steps);
    }

    @Test
    void theFiveRulesRunOnEverySession() {
        assertThat(SessionAlertRules.allCurrentRules()).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void anOrdinarySessionRaisesNothing() {
        Run run = run(latest(session(0, 5), null), latest(session(1, 5), 5), latest(session(2, 4), 5));
        assertThat(run.decisions).isEmpty();
        assertThat(run.open.isEmpty()).isTrue();
    }

    @Nested
    class RedFlags {

        @Test
        void aRedFlagSessionRaisesAnAlertNamedAfterTheSession() {
            var raise = run(latest(numb(3, 4), 5)).raises(AlertType.RED_FLAG_SYMPTOM);
            assertThat(raise).singleElement().satisfies(r -> {
                assertThat(r.identity()).isEqualTo(new AlertIdentity(CLINIC, PATIENT, AlertType.RED_FLAG_SYMPTOM, "session:s-3"));
                assertThat(r.sessionId()).isEqualTo("s-3");
                assertThat(r.occurredAt()).isEqualTo(day(3));
                assertThat(r.late()).isFalse();
                assertThat(r.summary()).isEqualTo("Numbness reported (pain 4/10 before the session)");
            });
        }

        @Test
        void aRedFlagArriving16DaysLateIsRaisedAndMarkedLateWithBothTimes() {
            var late = arrivingLate(numb(10, 4), Duration.ofDays(16));
            var raise = run(older(late, 5, 26, ProgressStatus.IMPROVING)).raises(AlertType.RED_FLAG_SYMPTOM);
            assertThat(raise).singleElement().satisfies(r -> {
                assertThat(r.occurredAt()).isEqualTo(day(10));
                assertThat(r.arrivedAt()).isEqualTo(day(26));
                assertThat(r.late()).isTrue();
            });
        }

        @Test
        void aRedFlagOlderThanTheReadModelIsRaisedToo() {
            // no previous reading, not the latest: the read model no longer holds its neighbours
            var ancient = arrivingLate(numb(0, 3), Duration.ofDays(90));
            assertThat(run(older(ancient, null, 90, ProgressStatus.IMPROVING)).raises(AlertType.RED_FLAG_SYMPTOM)).hasSize(1);
        }

        @Test
        void everySymptomCountsAndIsNamed() {
            var all = new SessionFacts("s-1", day(1), day(1), 6, false, true, true, true);
            assertThat(run(latest(all, 5)).raises(AlertType.RED_FLAG_SYMPTOM)).singleElement()
                    .satisfies(r -> assertThat(r.summary()).startsWith("Pain down the leg and numbness and night pain reported"));
            var night = new SessionFacts("s-2", day(2), day(2), 6, false, false, false, true);
            assertThat(run(latest(night, 5)).raises(AlertType.RED_FLAG_SYMPTOM)).singleElement()
                    .satisfies(r -> assertThat(r.summary()).startsWith("Night pain reported"));
        }

        @Test
        void eachRedFlagSessionIsItsOwnAlertAndNoneIsTrackedOrResolvedBySessions() {
            Run run = run(latest(numb(1, 5), null), latest(numb(2, 5), 5), latest(session(3, 2), 5), latest(session(4, 2), 2));
            assertThat(run.raises(AlertType.RED_FLAG_SYMPTOM)).extracting(AlertDecision.Raise::alertId).doesNotHaveDuplicates().hasSize(2);
            assertThat(run.resolutions(AlertType.RED_FLAG_SYMPTOM)).isEmpty();
            assertThat(run.open.get(AlertType.RED_FLAG_SYMPTOM)).isEmpty();
        }

        @Test
        void theSameSessionAgainOrCorrectedGivesTheSameAlert() {
            var first = run(latest(numb(5, 4), 5)).raises(AlertType.RED_FLAG_SYMPTOM).get(0);
            var corrected = new SessionFacts("s-5", day(5), day(6), 6, false, true, false, false);
            var again = run(latest(corrected, 5)).raises(AlertType.RED_FLAG_SYMPTOM).get(0);
            assertThat(again.alertId()).isEqualTo(first.alertId());
        }
    }

    @Nested
    class SharpPain {

        @Test
        void aRunOfSharpPainIsOneAlertResolvedByTheFirstSessionWithout() {
            Run run = run(latest(session(0, 4), null), latest(sharp(1, 5), 4), latest(sharp(2, 5), 5), latest(session(3, 4), 5));
            assertThat(run.raises(AlertType.SHARP_PAIN)).singleElement()
                    .satisfies(r -> assertThat(r.identity().episode()).isEqualTo("session:s-1"));
            assertThat(run.resolutions(AlertType.SHARP_PAIN)).singleElement().satisfies(r -> {
                assertThat(r.resolution()).isEqualTo(AlertResolution.SIGN_CLEARED);
                assertThat(r.bySessionId()).isEqualTo("s-3");
                assertThat(r.alertId()).isEqualTo(run.raises(AlertType.SHARP_PAIN).get(0).alertId());
            });
            assertThat(run.open.get(AlertType.SHARP_PAIN)).isEmpty();
        }

        @Test
        void sharpPainAgainAfterItClearedIsANewEpisode() {
            Run run = run(latest(sharp(1, 5), 4), latest(session(2, 4), 5), latest(sharp(3, 5), 4));
            assertThat(run.raises(AlertType.SHARP_PAIN)).extracting(r -> r.identity().episode()).containsExactly("session:s-1", "session:s-3");
            assertThat(run.open.get(AlertType.SHARP_PAIN)).hasValueSatisfying(o -> assertThat(o.episode()).isEqualTo("session:s-3"));
        }

        @Test
        void anOlderLateSessionNeitherRaisesNorResolvesIt() {
            Run withOpen = run(latest(sharp(5, 5), 4));
            withOpen.apply(older(session(4, 4), 4, 5, ProgressStatus.IMPROVING), older(sharp(3, 6), 4, 5, ProgressStatus.IMPROVING));
            assertThat(withOpen.raises(AlertType.SHARP_PAIN)).hasSize(1);
            assertThat(withOpen.resolutions(AlertType.SHARP_PAIN)).isEmpty();
        }

        @Test
        void anExerciseThatHurtRaisesItNamingTheExercise() {
            var hurt = new SessionFacts("s-1", day(1), day(1).plusSeconds(60), 3, false, false, false, false, List.of("leg-swings"));
            Run run = run(latest(session(0, 4), null), latest(hurt, 4), latest(session(2, 3), 3));
            assertThat(run.raises(AlertType.SHARP_PAIN)).singleElement().satisfies(r -> {
                assertThat(r.identity().episode()).isEqualTo("session:s-1");
                assertThat(r.summary()).contains("it hurt in leg-swings").contains("3/10");
            });
            assertThat(run.resolutions(AlertType.SHARP_PAIN)).singleElement()
                    .satisfies(r -> assertThat(r.bySessionId()).isEqualTo("s-2"));
        }

        @Test
        void anExerciseThatHurtKeepsTheRunOpenAndTheSummaryStaysALine() {
            List<String> many = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "exercise-" + i).toList();
            var first = new SessionFacts("s-1", day(1), day(1).plusSeconds(60), 5, true, false, false, false, many);
            var second = new SessionFacts("s-2", day(2), day(2).plusSeconds(60), 5, false, false, false, false, List.of("cat-cow"));
            Run run = run(latest(first, 4), latest(second, 5));
            assertThat(run.raises(AlertType.SHARP_PAIN)).singleElement().satisfies(r -> assertThat(r.summary())
                    .contains("exercise-0, exercise-1, exercise-2, exercise-3, exercise-4 and 35 more").hasSizeLessThan(200));
            assertThat(run.resolutions(AlertType.SHARP_PAIN)).isEmpty();
        }

        @Test
        void aCorrectionOfTheSameSessionDoesNotResolveIt() {
            Run run = run(latest(sharp(5, 5), 4), latest(session(5, 5), 4));
            assertThat(run.resolutions(AlertType.SHARP_PAIN)).isEmpty();
            assertThat(run.open.get(AlertType.SHARP_PAIN)).isPresent();
        }
    }

    @Nested
    class PainSpikes {

        @ParameterizedTest(name = "{0} -> {1}: spike {2}")
        @CsvSource({"3,5,true", "4,5,false", "5,7,true", "6,7,true", "7,8,false", "8,9,false", "6,6,false", "0,2,true",
                "9,10,false", "2,3,false", "5,4,false", "6,8,true"})
        void aSpikeIsARiseOfTwoOrACrossingOfSeven(int previous, int now, boolean spike) {
            assertThat(PainSpikeRule.isSpike(previous, now)).isEqualTo(spike);
            Run run = run(latest(session(1, now), previous));
            assertThat(run.raises(AlertType.PAIN_SPIKE)).hasSize(spike ? 1 : 0);
        }

        @ParameterizedTest(name = "from {0}, now {1}: settled {2}")
        @CsvSource({"3,4,true", "3,5,false", "3,3,true", "6,7,false", "6,6,true", "5,6,true", "0,1,true", "4,2,true", "6,8,false"})
        void aSpikeSettlesBelowSevenAndWithinOnePointOfWhereItRoseFrom(int level, int now, boolean settled) {
            assertThat(PainSpikeRule.hasSettled(level, now)).isEqualTo(settled);
        }

        @Test
        void aFirstSessionWithHighPainIsNoSpike() {
            assertThat(run(latest(session(0, 9), null)).raises(AlertType.PAIN_SPIKE)).isEmpty();
        }

        @Test
        void oneAlertPerSpikeRememberingWhereItRoseFromUntilPainSettles() {
            Run run = run(latest(session(0, 3), null), latest(session(1, 5), 3), latest(session(2, 7), 5), latest(session(3, 5), 7),
                    latest(session(4, 4), 5));
            assertThat(run.raises(AlertType.PAIN_SPIKE)).singleElement().satisfies(r -> {
                assertThat(r.identity().episode()).isEqualTo("session:s-1");
                assertThat(r.level()).isEqualTo(3);
                assertThat(r.summary()).isEqualTo("Pain rose from 3 to 5/10 since the previous session");
            });
            assertThat(run.resolutions(AlertType.PAIN_SPIKE)).singleElement()
                    .satisfies(r -> assertThat(r.bySessionId()).isEqualTo("s-4"));
        }

        @Test
        void aLateOlderSessionIsNoSpike() {
            assertThat(run(older(session(2, 9), 2, 5, ProgressStatus.IMPROVING)).raises(AlertType.PAIN_SPIKE)).isEmpty();
        }
    }

    @Nested
    class Worsening {

        @Test
        void theStatusBecomingWorseningRaisesOneAlertUntilItImproves() {
            Run run = run(latest(session(20, 5), 5, ProgressStatus.IMPROVING), latest(session(21, 6), 5, ProgressStatus.WORSENING),
                    latest(session(22, 6), 6, ProgressStatus.WORSENING), latest(session(23, 5), 6, ProgressStatus.PLATEAU));
            assertThat(run.raises(AlertType.WORSENING)).singleElement().satisfies(r -> {
                assertThat(r.identity().episode()).isEqualTo("session:s-21");
                assertThat(r.occurredAt()).isEqualTo(day(21));
            });
            assertThat(run.resolutions(AlertType.WORSENING)).singleElement()
                    .satisfies(r -> assertThat(r.bySessionId()).isEqualTo("s-23"));
        }

        @ParameterizedTest
        @EnumSource(value = ProgressStatus.class, names = {"IMPROVING", "PLATEAU", "RECOVERED"})
        void aStatusThatIsNotRisingResolvesIt(ProgressStatus status) {
            Run run = run(latest(session(21, 6), 5, ProgressStatus.WORSENING), latest(session(22, 5), 6, status));
            assertThat(run.resolutions(AlertType.WORSENING)).hasSize(1);
        }

        @ParameterizedTest
        @EnumSource(value = ProgressStatus.class, names = {"RED_FLAG", "INSUFFICIENT_DATA"})
        void aRedFlagOrTooLittleDataLeavesItOpen(ProgressStatus status) {
            Run run = run(latest(session(21, 6), 5, ProgressStatus.WORSENING), latest(session(22, 5), 6, status));
            assertThat(run.resolutions(AlertType.WORSENING)).isEmpty();
            assertThat(run.open.get(AlertType.WORSENING)).isPresent();
        }

        @Test
        void aLateSessionThatMakesTheStatusWorseningRaisesItNamedAfterTheLatestSession() {
            var late = arrivingLate(session(18, 8), Duration.ofDays(5));
            Run run = run(older(late, 5, 22, ProgressStatus.WORSENING));
            assertThat(run.raises(AlertType.WORSENING)).singleElement().satisfies(r -> {
                assertThat(r.identity().episode()).isEqualTo("session:s-22");
                assertThat(r.arrivedAt()).isEqualTo(late.arrivedAt());
            });
        }
    }

    @Nested
    class AbsencesEnd {

        static OpenAlerts absentSince(int day) {
            var identity = new AlertIdentity(CLINIC, PATIENT, AlertType.NO_SESSION_3_DAYS, AlertIdentity.after(day(day)));
            return OpenAlerts.of(List.of(new OpenEpisode(AlertType.NO_SESSION_3_DAYS, identity.alertId(), identity.episode(), day(day), null)));
        }

        @Test
        void theNextSessionResolvesTheAbsence() {
            Run run = new Run();
            run.open = absentSince(10);
            run.apply(latest(session(14, 4), 4));
            assertThat(run.resolutions(AlertType.NO_SESSION_3_DAYS)).singleElement().satisfies(r -> {
                assertThat(r.resolution()).isEqualTo(AlertResolution.SESSION_LOGGED);
                assertThat(r.bySessionId()).isEqualTo("s-14");
            });
            assertThat(run.open.isEmpty()).isTrue();
        }

        @Test
        void aLateSessionInsideTheGapResolvesItButOneFromBeforeDoesNot() {
            Run before = new Run();
            before.open = absentSince(10);
            before.apply(older(arrivingLate(session(9, 4), Duration.ofDays(6)), 4, 10, ProgressStatus.IMPROVING));
            assertThat(before.resolutions(AlertType.NO_SESSION_3_DAYS)).isEmpty();

            Run inside = new Run();
            inside.open = absentSince(10);
            inside.apply(latest(arrivingLate(session(12, 4), Duration.ofDays(3)), 4));
            assertThat(inside.resolutions(AlertType.NO_SESSION_3_DAYS)).hasSize(1);
        }
    }

    @Test
    void replayingTheSameStepsOnTheStateTheyLeftRaisesNothingNewAndDecidesTheSameIds() {
        SessionStep[] course = {latest(session(0, 3), null), latest(sharp(1, 6), 3, ProgressStatus.INSUFFICIENT_DATA),
                latest(numb(2, 6), 6, ProgressStatus.RED_FLAG), latest(session(3, 6), 6, ProgressStatus.WORSENING)};
        Run first = run(course);
        Run second = run(course);
        assertThat(second.decisions).isEqualTo(first.decisions);

        // what a replay on the stored state decides: tracked alerts are open already, red flags meet on their id
        Run replay = new Run();
        replay.open = first.open;
        replay.apply(course[3]);
        assertThat(replay.decisions).filteredOn(d -> d instanceof AlertDecision.Raise).isEmpty();
        replay.apply(course[2]);
        assertThat(replay.raises(AlertType.RED_FLAG_SYMPTOM)).extracting(AlertDecision.Raise::alertId)
                .containsExactlyElementsOf(first.raises(AlertType.RED_FLAG_SYMPTOM).stream().map(AlertDecision.Raise::alertId).toList());
    }
}
