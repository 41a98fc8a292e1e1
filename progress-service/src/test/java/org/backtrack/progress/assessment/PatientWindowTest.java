package org.backtrack.progress.assessment;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PatientWindowTest {

    static final Instant DAY0 = Instant.parse("2026-06-01T07:00:00Z");

    static PainReading session(int day, int before) {
        return new PainReading("s" + day, DAY0.plus(Duration.ofDays(day)), before, Math.max(0, before - 1), false, false);
    }

    static List<PainReading> history(int days) {
        List<PainReading> sessions = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            sessions.add(session(day, 7 - day % 5));
        }
        return sessions;
    }

    static PatientWindow applyAll(List<PainReading> sessions) {
        PatientWindow window = PatientWindow.empty("p", "c");
        for (PainReading s : sessions) {
            window = window.apply(s).orElseThrow();
        }
        return window;
    }

    @Test
    void keepsTheFirstWeekAndTheLastSixWeeksOnly() {
        PatientWindow window = PatientWindow.of("p", "c", history(100));
        assertThat(window.baseline()).extracting(PainReading::sessionId).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6");
        assertThat(window.recent()).hasSize(42);
        assertThat(window.recent().get(0).sessionId()).isEqualTo("s58");
        assertThat(window.firstAt()).isEqualTo(DAY0);
        assertThat(window.latestAt()).isEqualTo(DAY0.plus(Duration.ofDays(99)));
    }

    @RepeatedTest(20)
    void anyDeliveryOrderWithRedeliveriesGivesTheSameWindow() {
        Random random = new Random();
        List<PainReading> sessions = new ArrayList<>(history(80));
        List<PainReading> delivered = new ArrayList<>(sessions);
        for (int i = 0; i < 30; i++) {
            delivered.add(sessions.get(random.nextInt(sessions.size()))); // redeliveries
        }
        Collections.shuffle(delivered, random);
        assertThat(applyAll(delivered)).isEqualTo(PatientWindow.of("p", "c", sessions));
    }

    @Test
    void aCorrectionReplacesTheSessionInPlace() {
        List<PainReading> sessions = history(20);
        PatientWindow window = applyAll(sessions);
        PainReading corrected = new PainReading("s18", sessions.get(18).completedAt(), 9, 9, true, false);

        PatientWindow after = window.apply(corrected).orElseThrow();

        assertThat(after.recent()).contains(corrected).doesNotContain(sessions.get(18));
        assertThat(after.recent()).hasSize(window.recent().size());
        List<PainReading> expected = new ArrayList<>(sessions);
        expected.set(18, corrected);
        assertThat(after).isEqualTo(PatientWindow.of("p", "c", expected));
    }

    @Test
    void aLateEarlierSessionBecomesTheNewBaseline() {
        PatientWindow window = applyAll(history(20));
        PainReading earlier = new PainReading("early", DAY0.minus(Duration.ofDays(3)), 8, 7, false, false);

        PatientWindow after = window.apply(earlier).orElseThrow();

        assertThat(after.firstAt()).isEqualTo(earlier.completedAt());
        assertThat(after.baseline()).extracting(PainReading::sessionId).containsExactly("early", "s0", "s1", "s2", "s3");
    }

    @Test
    void movingTheFirstSessionLaterAsksForARecomputation() {
        PatientWindow window = applyAll(history(20));
        PainReading moved = new PainReading("s0", DAY0.plus(Duration.ofDays(10)), 5, 4, false, false);
        assertThat(window.apply(moved)).isEmpty();
    }

    @Test
    void movingTheLatestSessionEarlierAsksForARecomputation() {
        PatientWindow window = applyAll(history(20));
        PainReading moved = new PainReading("s19", DAY0.plus(Duration.ofDays(2)), 5, 4, false, false);
        assertThat(window.apply(moved)).isEmpty();
    }
}
