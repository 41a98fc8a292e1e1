package org.backtrack.progress.assessment;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

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
    void theRecordingTimeIsKeptWithTheReadingAndTrimmingKeepsIt() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add("e" + i);
        }
        List<PainReading> sessions = new ArrayList<>();
        for (int day = 0; day < 30; day++) {
            Instant at = DAY0.plus(Duration.ofDays(day));
            sessions.add(new PainReading("s" + day, at, 5, 4, false, day == 3, many, at.plus(Duration.ofDays(day % 4))));
        }
        PatientWindow window = PatientWindow.of("p", "c", sessions);
        for (PainReading r : window.recent()) {
            assertThat(r.recordedAt()).as(r.sessionId()).isEqualTo(r.completedAt().plus(Duration.ofDays(Integer.parseInt(r.sessionId().substring(1)) % 4)));
        }
        List<PainReading> shuffled = new ArrayList<>(sessions);
        Collections.shuffle(shuffled, new Random(5));
        assertThat(applyAll(shuffled)).isEqualTo(window);
        // a correction recorded later replaces the earlier recording
        PainReading corrected = sessions.get(20).withRecordedAt(sessions.get(20).completedAt().plus(Duration.ofDays(9)));
        assertThat(window.apply(corrected).orElseThrow().recent()).anySatisfy(r -> {
            assertThat(r.sessionId()).isEqualTo("s20");
            assertThat(r.knownAt()).isEqualTo(corrected.recordedAt());
        });
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

    /** {@code count} ids of 128 characters: {@code <prefix><i>-xxx…}. */
    static List<String> longIds(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> id(prefix + i + "-", 128)).toList();
    }

    static String id(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix);
        while (id.length() < length) {
            id.append('x');
        }
        return id.substring(0, length);
    }

    static PainReading at(String sessionId, Instant at, int before, List<String> exercises) {
        return new PainReading(sessionId, at, before, Math.max(0, before - 1), false, false, exercises);
    }

    @Test
    void keepsTheLatestReadingsOfADayUpToTheDailyLimit() {
        List<PainReading> sessions = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // stored before the daily limit existed
            sessions.add(at(String.format("d0-%02d", i), DAY0.plus(Duration.ofMinutes(10L * i)), 5, List.of()));
        }
        sessions.add(session(3, 6));

        PatientWindow window = PatientWindow.of("p", "c", sessions);

        // the first session, which anchors the baseline, the day's latest 12, and the session of day 3
        assertThat(window.baseline()).hasSize(1 + PatientWindow.MAX_READINGS_PER_DAY + 1);
        assertThat(window.baseline()).extracting(PainReading::sessionId).startsWith("d0-00", "d0-18");
        assertThat(window.recent()).extracting(PainReading::sessionId).endsWith("d0-29", "s3");
        assertThat(window.firstAt()).isEqualTo(DAY0); // the first session still anchors the baseline
    }

    @Test
    void exerciseIdsAreKeptOnlyWhereTheRulesReadThemAndBounded() {
        List<String> many = longIds("ex", 100);
        List<PainReading> sessions = new ArrayList<>();
        for (int day = 0; day < 30; day++) {
            sessions.add(at("s" + day, DAY0.plus(Duration.ofDays(day)), 5, many));
        }
        PatientWindow window = PatientWindow.of("p", "c", sessions);
        Instant lookback = window.latestAt().minus(PatientWindow.EXERCISES_KEPT);
        for (PainReading r : window.recent()) {
            if (r.completedAt().isAfter(lookback)) {
                assertThat(r.exerciseIds()).as(r.sessionId()).isEqualTo(many.subList(0, PatientWindow.MAX_EXERCISES_PER_READING));
            } else {
                assertThat(r.exerciseIds()).as(r.sessionId()).isEmpty();
            }
        }
        // what the stage and focus rules read is unchanged: the exercises of the last two weeks
        assertThat(window.recent().stream().filter(r -> r.completedAt().isAfter(lookback)).count()).isEqualTo(14);
        // and applying the same sessions one by one, in any order, gives the same window
        List<PainReading> shuffled = new ArrayList<>(sessions);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(applyAll(shuffled)).isEqualTo(window);
    }

    @Test
    void theLargestWindowOnePatientCanCauseStaysFarBelowTheDocumentLimit() {
        List<String> ids = longIds("exercise-", 100);
        List<PainReading> sessions = new ArrayList<>();
        for (int day = 0; day < 120; day++) {
            for (int i = 0; i < 40; i++) { // far over the daily limit, as old data might be
                sessions.add(at(id("session-" + day + "-" + i + "-", 128), DAY0.plus(Duration.ofDays(day)).plusSeconds(60L * i), 5, ids));
            }
        }
        PatientWindow window = PatientWindow.of("p", "c", sessions);

        long characters = java.util.stream.Stream.concat(window.baseline().stream(), window.recent().stream())
                .mapToLong(r -> 64 + r.sessionId().length() + r.exerciseIds().stream().mapToLong(e -> e.length() + 8).sum())
                .sum();
        System.out.printf("largest window: %d readings, about %d KiB%n", window.baseline().size() + window.recent().size(), characters / 1024);
        assertThat(window.baseline().size() + window.recent().size())
                .isLessThanOrEqualTo((7 + 1 + 42 + 1) * PatientWindow.MAX_READINGS_PER_DAY);
        assertThat(characters).isLessThan(2L * 1024 * 1024); // MongoDB refuses 16 MiB
    }

    /**
     * The incremental model equals the model built from scratch for any set of sessions, whatever order, redeliveries
     * and corrections they come in, days over the daily limit included: when it cannot be exact it asks for a
     * recomputation, which the test answers as the service does (from the sessions that stand).
     */
    @RepeatedTest(40)
    void incrementalUpdatesMatchARecomputationEvenOnFullDays(org.junit.jupiter.api.RepetitionInfo repetition) {
        // Fixed seeds keep CI stable; -Dbacktrack.window.random=true runs unseeded and prints the seed of a mismatch.
        long seed = Boolean.getBoolean("backtrack.window.random") ? new Random().nextLong() : repetition.getCurrentRepetition();
        incrementalMatchesRecomputation(seed);
    }

    /**
     * Seeds an unseeded run found (83 of seeds 0-19999 failed before the fix, all the same way): a correction moving a
     * known session before the first one, while the baseline held a full day. The earlier first shifts the baseline's
     * end earlier, so readings the full day kept at that end leave and ones it left out come back; only new sessions
     * moving the first earlier asked for a recomputation, corrections did not.
     */
    @ParameterizedTest
    @ValueSource(longs = {79, 335, 4221})
    void incrementalUpdatesMatchARecomputationOnSeedsThatOnceFailed(long seed) {
        incrementalMatchesRecomputation(seed);
    }

    @Test
    void aCorrectionMovingASessionBeforeTheFirstAsksForARecomputationWhenTheBaselineHasAFullDay() {
        List<PainReading> sessions = new ArrayList<>();
        sessions.add(at("first", DAY0, 5, List.of()));
        // a full day at the baseline's end (day 7, before 07:00): the baseline keeps its latest 12 readings
        Instant day7 = DAY0.plus(Duration.ofDays(7)).minus(Duration.ofHours(7));
        for (int i = 0; i < PatientWindow.MAX_READINGS_PER_DAY + 3; i++) {
            sessions.add(at("crowded-" + i, day7.plus(Duration.ofMinutes(25L * i)), 5, List.of()));
        }
        sessions.add(at("moved", DAY0.plus(Duration.ofDays(20)), 4, List.of()));
        sessions.add(at("last", DAY0.plus(Duration.ofDays(21)), 4, List.of()));
        PatientWindow window = PatientWindow.of("p", "c", sessions);
        assertThat(window.baseline()).extracting(PainReading::sessionId).doesNotContain("crowded-0");

        // a correction moves "moved" 4 hours before the first: the baseline now ends at 03:00 on day 7
        PainReading earlier = at("moved", DAY0.minus(Duration.ofHours(4)), 6, List.of());
        assertThat(window.apply(earlier)).isEmpty();
        List<PainReading> corrected = new ArrayList<>(sessions);
        corrected.set(corrected.size() - 2, earlier);
        // the recomputation brings back the early readings of that day that the full day had left out
        assertThat(PatientWindow.of("p", "c", corrected).baseline()).extracting(PainReading::sessionId)
                .contains("moved", "first", "crowded-0").doesNotContain("crowded-8");

        // a correction that does not move the first stays on the incremental path
        assertThat(window.apply(at("moved", DAY0.plus(Duration.ofDays(19)), 6, List.of()))).isPresent();
    }

    private static void incrementalMatchesRecomputation(long seed) {
        Random random = new Random(seed);
        java.util.Map<String, PainReading> standing = new java.util.LinkedHashMap<>();
        int days = 5 + random.nextInt(70);
        PatientWindow window = PatientWindow.empty("p", "c");
        for (int n = 0; n < 250; n++) {
            PainReading current;
            if (!standing.isEmpty() && random.nextInt(5) == 0) {
                // a redelivery: the service applies the version that stands
                current = new ArrayList<>(standing.values()).get(random.nextInt(standing.size()));
            } else {
                String sessionId = "s" + random.nextInt(150); // a known id makes this a correction
                int day = random.nextInt(days);
                // a few crowded days, as data from before the daily limit can have
                Instant at = DAY0.plus(Duration.ofDays(day % 7 == 3 ? 3 : day)).plusSeconds(random.nextInt(86_000));
                List<String> exercises = random.nextBoolean() ? List.of() : List.of("e" + random.nextInt(5), "e" + random.nextInt(40));
                current = at(sessionId, at, random.nextInt(11), exercises);
            }
            standing.put(current.sessionId(), current);
            window = window.apply(current).orElseGet(() -> PatientWindow.of("p", "c", standing.values()));
            assertThat(window).as("seed %d, after %d deliveries", seed, n + 1).isEqualTo(PatientWindow.of("p", "c", standing.values()));
        }
    }
}
