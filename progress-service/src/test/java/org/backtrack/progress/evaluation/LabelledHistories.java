package org.backtrack.progress.evaluation;

import org.backtrack.progress.assessment.PainReading;
import org.backtrack.events.ProgressStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic patients with a ground-truth status for every day, for the day-by-day replay of issue 16. The
 * cohorts, rates, noise, adherence, onset definitions and late-arrival delays are the fixed yardstick written down
 * in docs/analytics.md ("Day-by-day replay"): change them only together with that section, never to fit the rules.
 */
final class LabelledHistories {

    /** The cohorts; a patient's cohort is its index modulo their number, so every cohort is equally large. */
    enum Cohort {
        IMPROVING_0_5, IMPROVING_0_7, IMPROVING_0_9, PLATEAU_FADING_RELIEF, PLATEAU_KEEPING_RELIEF, WORSENING,
        RECOVERY, RED_FLAG_ON_TIME, RED_FLAG_LATE, NOISY_IRREGULAR
    }

    static final String CLINIC = "clinic-replay";
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    /** Days before this one are not judged: the status contract needs two weeks of sessions. */
    static final int JUDGED_FROM = 14;
    static final int IMPROVING_DAYS = 49;
    static final int DAYS = 56;
    static final double NOISE = 0.7;
    static final double NOISY_NOISE = 1.2;
    static final double ADHERENCE = 0.85;
    static final double IRREGULAR_ADHERENCE = 0.55;
    static final double IMPROVEMENT_BEFORE_ONSET = 0.8;
    static final double WORSENING_RISE = 1.0;
    static final double RECOVERY_RATE = 1.5;
    static final int[] LATE_DELAYS = {3, 7, 12, 16};
    /** How long a red flag must stay visible from the day it is known, as the status contract shows it. */
    static final int RED_FLAG_DAYS = 14;

    /** A session as the patient's app produced it, and the day it reached progress-service. */
    record Session(PainReading reading, int day, int arrivalDay, Instant arrivedAt) {
    }

    /**
     * @param truth  the status a clinician should read at the end of each day; null where not judged
     * @param onset  the first day of the labelled change (plateau, worsening, recovery, red flag known), -1 when none
     * @param target the status the change leads to, null when none
     */
    record Patient(String id, Cohort cohort, int days, List<Session> sessions, ProgressStatus[] truth, int onset,
                   ProgressStatus target) {

        /** The sessions in the order they arrive, as the consumer applies them. */
        List<Session> inArrivalOrder() {
            return sessions.stream().sorted(Comparator.comparing(Session::arrivedAt)
                    .thenComparing(s -> s.reading().sessionId())).toList();
        }
    }

    private LabelledHistories() {
    }

    static List<Patient> generate(int patients, long seed) {
        List<Patient> all = new ArrayList<>(patients);
        Cohort[] cohorts = Cohort.values();
        for (int i = 0; i < patients; i++) {
            // one generator per patient: a patient's history does not depend on the cohort size
            all.add(patient("replay-" + seed + "-" + i, cohorts[i % cohorts.length], new Random(seed * 1_000_003L + i),
                    i / cohorts.length));
        }
        return all;
    }

    private static Patient patient(String id, Cohort cohort, Random random, int ordinal) {
        int days = switch (cohort) {
            case IMPROVING_0_5, IMPROVING_0_7, IMPROVING_0_9, NOISY_IRREGULAR -> IMPROVING_DAYS;
            default -> DAYS;
        };
        double from = switch (cohort) {
            case WORSENING -> 6.5 + random.nextDouble();
            case RECOVERY -> 7.5 + random.nextDouble();
            default -> 8.5 + random.nextDouble();
        };
        int onset = switch (cohort) {
            case PLATEAU_FADING_RELIEF, PLATEAU_KEEPING_RELIEF, WORSENING -> 21 + random.nextInt(7);
            case RED_FLAG_ON_TIME -> 28 + random.nextInt(8);
            case RED_FLAG_LATE -> 24 + random.nextInt(8);
            default -> -1;
        };
        int lateDelay = cohort == Cohort.RED_FLAG_LATE ? LATE_DELAYS[ordinal % LATE_DELAYS.length] : 0;
        int redFlagDay = cohort == Cohort.RED_FLAG_ON_TIME || cohort == Cohort.RED_FLAG_LATE ? onset : -1;
        boolean noisy = cohort == Cohort.NOISY_IRREGULAR;

        double[] expected = new double[days];
        for (int d = 0; d < days; d++) {
            expected[d] = switch (cohort) {
                case IMPROVING_0_5 -> from - 0.5 * d / 7;
                case IMPROVING_0_7, NOISY_IRREGULAR, RED_FLAG_ON_TIME, RED_FLAG_LATE -> from - 0.7 * d / 7;
                case IMPROVING_0_9 -> from - 0.9 * d / 7;
                case PLATEAU_FADING_RELIEF, PLATEAU_KEEPING_RELIEF -> from - IMPROVEMENT_BEFORE_ONSET * Math.min(d, onset) / 7;
                case WORSENING -> d < onset ? from - 0.7 * d / 7 : from - 0.7 * onset / 7 + WORSENING_RISE * (d - onset) / 7;
                case RECOVERY -> Math.max(0.3, from - RECOVERY_RATE * d / 7);
            };
        }
        if (cohort == Cohort.RECOVERY) {
            onset = recoveryOnset(expected);
        }

        List<Session> sessions = new ArrayList<>();
        int gapUntil = -1;
        for (int d = 0; d < days; d++) {
            boolean practises;
            if (d == 0 || d == redFlagDay) {
                practises = true; // the first session anchors the baseline; the labelled red flag is always reported
            } else if (noisy) {
                if (d > gapUntil && random.nextInt(100) < 8) {
                    gapUntil = d + 2 + random.nextInt(4); // an absence of 3 to 6 days
                }
                // outside absences; with them about half of all days (0.47-0.50 sessions a day measured)
                practises = d > gapUntil && random.nextDouble() < IRREGULAR_ADHERENCE / 0.8;
            } else {
                practises = random.nextDouble() < ADHERENCE;
            }
            if (!practises) {
                continue;
            }
            int before = clamp((int) Math.round(expected[d] + random.nextGaussian() * (noisy ? NOISY_NOISE : NOISE)));
            int relief = relief(cohort, d, onset, random);
            Instant at = START.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(7 * 60 + random.nextInt(14 * 60)));
            int delay;
            if (d == redFlagDay) {
                delay = lateDelay;
            } else if (noisy) {
                delay = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
            } else {
                delay = random.nextInt(20) == 0 ? 1 : 0;
            }
            if (d + delay >= days) {
                continue; // would arrive after the history ends: never seen, so never produced
            }
            PainReading reading = new PainReading(id + "-d" + d, at, before, clamp(before - relief), false, d == redFlagDay,
                    List.of("childs-pose", "cat-cow"));
            sessions.add(new Session(reading, d, d + delay, at.plus(Duration.ofDays(delay)).plusSeconds(60)));
        }

        int knownFrom = redFlagDay < 0 ? -1 : redFlagDay + lateDelay;
        ProgressStatus[] truth = new ProgressStatus[days];
        for (int d = JUDGED_FROM; d < days; d++) {
            truth[d] = switch (cohort) {
                case PLATEAU_FADING_RELIEF, PLATEAU_KEEPING_RELIEF -> d < onset ? ProgressStatus.IMPROVING : ProgressStatus.PLATEAU;
                case WORSENING -> d < onset ? ProgressStatus.IMPROVING : ProgressStatus.WORSENING;
                case RECOVERY -> d < onset ? ProgressStatus.IMPROVING : ProgressStatus.RECOVERED;
                case RED_FLAG_ON_TIME, RED_FLAG_LATE -> d >= knownFrom && d < knownFrom + RED_FLAG_DAYS
                        ? ProgressStatus.RED_FLAG : ProgressStatus.IMPROVING;
                default -> ProgressStatus.IMPROVING;
            };
        }
        ProgressStatus target = switch (cohort) {
            case PLATEAU_FADING_RELIEF, PLATEAU_KEEPING_RELIEF -> ProgressStatus.PLATEAU;
            case WORSENING -> ProgressStatus.WORSENING;
            case RECOVERY -> ProgressStatus.RECOVERED;
            case RED_FLAG_ON_TIME, RED_FLAG_LATE -> ProgressStatus.RED_FLAG;
            default -> null;
        };
        return new Patient(id, cohort, days, List.copyOf(sessions), truth, knownFrom >= 0 ? knownFrom : onset, target);
    }

    /** The first day whose noise-free 7-day mean is at most 1 point: RECOVERED's threshold on the true course. */
    private static int recoveryOnset(double[] expected) {
        for (int d = 6; d < expected.length; d++) {
            if (Arrays.stream(expected, d - 6, d + 1).average().orElseThrow() <= 1.0) {
                return d;
            }
        }
        throw new IllegalStateException("the recovery course never reaches 1/10");
    }

    /** Relief of 1-2 points a session; with fading relief it fades linearly to almost none over the week after onset. */
    private static int relief(Cohort cohort, int day, int onset, Random random) {
        double keeps = cohort != Cohort.PLATEAU_FADING_RELIEF || day < onset ? 1.0 : Math.max(0.0, 1.0 - (day - onset) / 7.0);
        if (random.nextDouble() < keeps) {
            return 1 + random.nextInt(2);
        }
        return random.nextInt(4) == 0 ? 1 : 0;
    }

    private static int clamp(int pain) {
        return Math.max(0, Math.min(10, pain));
    }
}
