package org.backtrack.progress.evaluation;

import org.backtrack.progress.assessment.ExerciseCatalog;
import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.assessment.ProgressAssessor;
import org.backtrack.events.ProgressStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays labelled histories day by day as progress-service sees them: at the end of each day, the sessions that have
 * arrived so far, each as recorded on arrival, applied in arrival order to the patient's {@link PatientWindow} (falling back to a recomputation
 * from the arrived sessions when {@code apply} asks for one, as {@code PatientWindows.applyAll} does), and judged by
 * {@link ProgressAssessor} as of the latest session by {@code completedAt}, as {@code ProgressPublisher} does.
 * Metrics are defined in docs/analytics.md ("Day-by-day replay"). Run large: {@link #main}.
 */
final class DayByDayReplay {

    /** One patient's judged statuses by day (null where not judged). */
    record Judged(LabelledHistories.Patient patient, ProgressStatus[] status) {
    }

    private final ProgressAssessor assessor = new ProgressAssessor(7);

    List<Judged> replay(List<LabelledHistories.Patient> patients) {
        return patients.stream().map(this::replay).toList();
    }

    Judged replay(LabelledHistories.Patient patient) {
        ProgressStatus[] judged = new ProgressStatus[patient.days()];
        List<LabelledHistories.Session> arriving = patient.inArrivalOrder();
        List<PainReading> arrived = new ArrayList<>();
        PatientWindow window = PatientWindow.empty(patient.id(), LabelledHistories.CLINIC);
        int next = 0;
        for (int day = 0; day < patient.days(); day++) {
            while (next < arriving.size() && arriving.get(next).arrivalDay() <= day) {
                LabelledHistories.Session session = arriving.get(next++);
                // as the service stores it: recorded when it arrived (RecordedSession.recordedAt)
                PainReading reading = session.reading().withRecordedAt(session.arrivedAt());
                arrived.add(reading);
                window = window.apply(reading).orElseGet(() -> PatientWindow.of(patient.id(), LabelledHistories.CLINIC, arrived));
            }
            if (patient.truth()[day] != null) {
                judged[day] = window.isEmpty() ? ProgressStatus.INSUFFICIENT_DATA
                        : assessor.assess(window, ExerciseCatalog.EMPTY, window.latestAt()).status();
            }
        }
        return new Judged(patient, judged);
    }

    /** Per-status precision and recall, delays, false plateaus and flapping over a replayed cohort. */
    static final class Report {

        record Score(int truePositives, int predicted, int actual) {
            double precision() {
                return predicted == 0 ? Double.NaN : (double) truePositives / predicted;
            }

            double recall() {
                return actual == 0 ? Double.NaN : (double) truePositives / actual;
            }
        }

        /** Days from onset to the first judged day showing the target status; {@link #NEVER} when it never does. */
        record Delays(int[] sorted) {
            int count() {
                return sorted.length;
            }

            int never() {
                return (int) Arrays.stream(sorted).filter(d -> d == NEVER).count();
            }

            /** Nearest-rank percentile, "never" patients counted as the longest delays. */
            int percentile(double p) {
                return sorted.length == 0 ? NEVER : sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
            }
        }

        static final int NEVER = Integer.MAX_VALUE;

        /** Per cohort: judged days, days the status matched the truth, false plateaus, flapping. */
        static final class CohortFigures {
            int patients;
            int sessions;
            int historyDays;
            int days;
            int agreeing;
            int improvingDays;
            int falsePlateauDays;
            double sumChangesPerWeek;
            double maxChangesPerWeek;
            int rated;
        }

        final int patients;
        final int judgedDays;
        final int labelledDays;
        final Map<ProgressStatus, Score> scores = new EnumMap<>(ProgressStatus.class);
        final Map<LabelledHistories.Cohort, Delays> delays = new EnumMap<>(LabelledHistories.Cohort.class);
        /** Days from onset until the status shows the target and keeps it on every later day the truth does. */
        final Map<LabelledHistories.Cohort, Delays> settledDelays = new EnumMap<>(LabelledHistories.Cohort.class);
        final Map<LabelledHistories.Cohort, CohortFigures> cohorts = new EnumMap<>(LabelledHistories.Cohort.class);
        final int patientsOverOneChangePerWeek;
        /** Late red flags by days of delay: patients, and those shown RED_FLAG at least once after arrival. */
        final Map<Integer, int[]> lateRedFlagsSurfaced = new java.util.TreeMap<>();
        final int improvingDays;
        final int falsePlateauDays;
        final int improvingPatients;
        final int improvingPatientsCalledPlateau;
        final double meanChangesPerWeek;
        final double maxChangesPerWeek;
        final double redFlagRecallOnTime;
        final double redFlagRecallLate;
        final double sessionsPerDay;

        Report(List<Judged> judged) {
            patients = judged.size();
            int days = 0;
            int labelled = 0;
            int[][] counts = new int[ProgressStatus.values().length][3];
            int improving = 0;
            int falsePlateau = 0;
            int improvingPatientsSeen = 0;
            int calledPlateau = 0;
            double sumRate = 0;
            double maxRate = 0;
            int rated = 0;
            int[] redFlagOnTime = new int[2];
            int[] redFlagLate = new int[2];
            long sessions = 0;
            long historyDays = 0;
            Map<LabelledHistories.Cohort, List<Integer>> delayLists = new EnumMap<>(LabelledHistories.Cohort.class);
            Map<LabelledHistories.Cohort, List<Integer>> settledLists = new EnumMap<>(LabelledHistories.Cohort.class);
            int overOne = 0;
            for (Judged j : judged) {
                LabelledHistories.Patient p = j.patient();
                CohortFigures figures = cohorts.computeIfAbsent(p.cohort(), c -> new CohortFigures());
                figures.patients++;
                figures.sessions += p.sessions().size();
                figures.historyDays += p.days();
                sessions += p.sessions().size();
                historyDays += p.days();
                boolean hadImproving = false;
                boolean wasCalledPlateau = false;
                int changes = 0;
                int stablePairs = 0;
                for (int d = 0; d < p.days(); d++) {
                    ProgressStatus truth = p.truth()[d];
                    if (truth == null) {
                        continue;
                    }
                    labelled++;
                    ProgressStatus seen = j.status()[d];
                    if (seen == null) {
                        continue;
                    }
                    days++;
                    figures.days++;
                    figures.agreeing += truth == seen ? 1 : 0;
                    counts[truth.ordinal()][2]++;
                    counts[seen.ordinal()][1]++;
                    if (truth == seen) {
                        counts[truth.ordinal()][0]++;
                    }
                    if (truth == ProgressStatus.IMPROVING) {
                        improving++;
                        figures.improvingDays++;
                        hadImproving = true;
                        if (seen == ProgressStatus.PLATEAU) {
                            falsePlateau++;
                            figures.falsePlateauDays++;
                            wasCalledPlateau = true;
                        }
                    }
                    if (truth == ProgressStatus.RED_FLAG) {
                        int[] rf = p.cohort() == LabelledHistories.Cohort.RED_FLAG_LATE ? redFlagLate : redFlagOnTime;
                        rf[1]++;
                        rf[0] += seen == ProgressStatus.RED_FLAG ? 1 : 0;
                    }
                    if (d > 0 && p.truth()[d - 1] == truth && j.status()[d - 1] != null) {
                        stablePairs++; // the course is unchanged from yesterday: any status change is a flap
                        changes += j.status()[d - 1] != seen ? 1 : 0;
                    }
                }
                if (hadImproving) {
                    improvingPatientsSeen++;
                    calledPlateau += wasCalledPlateau ? 1 : 0;
                }
                if (stablePairs >= 7) {
                    double rate = changes / (stablePairs / 7.0);
                    sumRate += rate;
                    maxRate = Math.max(maxRate, rate);
                    rated++;
                    figures.sumChangesPerWeek += rate;
                    figures.maxChangesPerWeek = Math.max(figures.maxChangesPerWeek, rate);
                    figures.rated++;
                    overOne += rate > 1.0 ? 1 : 0;
                }
                if (p.target() != null) {
                    int delay = NEVER;
                    for (int d = Math.max(p.onset(), 0); d < p.days(); d++) {
                        if (p.truth()[d] == p.target() && j.status()[d] == p.target()) {
                            delay = d - p.onset();
                            break;
                        }
                    }
                    delayLists.computeIfAbsent(p.cohort(), c -> new ArrayList<>()).add(delay);
                    int settled = NEVER;
                    for (int d = p.days() - 1; d >= p.onset(); d--) {
                        if (p.truth()[d] != p.target()) {
                            continue;
                        }
                        if (j.status()[d] != p.target()) {
                            break;
                        }
                        settled = d - p.onset();
                    }
                    settledLists.computeIfAbsent(p.cohort(), c -> new ArrayList<>()).add(settled);
                    if (p.cohort() == LabelledHistories.Cohort.RED_FLAG_LATE) {
                        int late = p.sessions().stream().filter(s -> s.reading().redFlag())
                                .mapToInt(s -> s.arrivalDay() - s.day()).findFirst().orElseThrow();
                        int[] seen = lateRedFlagsSurfaced.computeIfAbsent(late, l -> new int[2]);
                        seen[0]++;
                        seen[1] += delay == NEVER ? 0 : 1;
                    }
                }
            }
            judgedDays = days;
            labelledDays = labelled;
            for (ProgressStatus s : ProgressStatus.values()) {
                int[] c = counts[s.ordinal()];
                scores.put(s, new Score(c[0], c[1], c[2]));
            }
            delayLists.forEach((cohort, list) -> delays.put(cohort, new Delays(list.stream().mapToInt(Integer::intValue).sorted().toArray())));
            settledLists.forEach((cohort, list) -> settledDelays.put(cohort, new Delays(list.stream().mapToInt(Integer::intValue).sorted().toArray())));
            patientsOverOneChangePerWeek = overOne;
            improvingDays = improving;
            falsePlateauDays = falsePlateau;
            improvingPatients = improvingPatientsSeen;
            improvingPatientsCalledPlateau = calledPlateau;
            meanChangesPerWeek = rated == 0 ? 0 : sumRate / rated;
            maxChangesPerWeek = maxRate;
            redFlagRecallOnTime = redFlagOnTime[1] == 0 ? Double.NaN : (double) redFlagOnTime[0] / redFlagOnTime[1];
            redFlagRecallLate = redFlagLate[1] == 0 ? Double.NaN : (double) redFlagLate[0] / redFlagLate[1];
            sessionsPerDay = historyDays == 0 ? 0 : (double) sessions / historyDays;
        }

        double falsePlateauRate() {
            return improvingDays == 0 ? 0 : (double) falsePlateauDays / improvingDays;
        }

        Delays delays(LabelledHistories.Cohort cohort) {
            return delays.get(cohort);
        }

        String render() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Day-by-day replay: %d patients, %d judged days (of %d labelled), %.2f sessions a day%n",
                    patients, judgedDays, labelledDays, sessionsPerDay));
            out.append(String.format(Locale.ROOT, "%-18s %9s %9s %7s %7s%n", "status", "precision", "recall", "judged", "truth"));
            scores.forEach((s, sc) -> out.append(String.format(Locale.ROOT, "%-18s %9s %9s %7d %7d%n", s,
                    ratio(sc.precision()), ratio(sc.recall()), sc.predicted(), sc.actual())));
            out.append(String.format(Locale.ROOT, "%-24s %8s %6s %6s %6s %6s | %-22s%n", "delay after onset, days", "patients",
                    "median", "p90", "max", "never", "settled median/p90/max"));
            delays.forEach((c, d) -> {
                Delays settled = settledDelays.get(c);
                out.append(String.format(Locale.ROOT, "%-24s %8d %6s %6s %6s %6d | %s/%s/%s (never %d)%n", c, d.count(),
                        days(d.percentile(0.5)), days(d.percentile(0.9)), days(maxDetected(d)), d.never(),
                        days(settled.percentile(0.5)), days(settled.percentile(0.9)), days(maxDetected(settled)), settled.never()));
            });
            out.append(String.format(Locale.ROOT, "%-24s %8s %12s %8s %9s %13s %13s%n", "cohort", "patients", "sessions/day",
                    "days", "agreement", "false PLATEAU", "changes/week"));
            cohorts.forEach((c, f) -> out.append(String.format(Locale.ROOT, "%-24s %8d %12.2f %8d %9s %13s %13s%n", c, f.patients,
                    (double) f.sessions / f.historyDays, f.days,
                    ratio(f.days == 0 ? Double.NaN : (double) f.agreeing / f.days),
                    f.improvingDays == 0 ? "-" : percent((double) f.falsePlateauDays / f.improvingDays),
                    f.rated == 0 ? "-" : String.format(Locale.ROOT, "%.2f/%.2f", f.sumChangesPerWeek / f.rated, f.maxChangesPerWeek))));
            out.append(String.format(Locale.ROOT, "false PLATEAU on improving days: %d of %d (%s); improving patients called PLATEAU at least once: %d of %d%n",
                    falsePlateauDays, improvingDays, percent(falsePlateauRate()), improvingPatientsCalledPlateau, improvingPatients));
            out.append(String.format(Locale.ROOT, "status changes per patient per week while the course is unchanged: mean %.2f, max %.2f; "
                    + "patients above 1 a week: %d of %d%n", meanChangesPerWeek, maxChangesPerWeek, patientsOverOneChangePerWeek, patients));
            out.append(String.format(Locale.ROOT, "RED_FLAG recall on red-flag days: on time %s, arriving late %s%n",
                    ratio(redFlagRecallOnTime), ratio(redFlagRecallLate)));
            out.append("late red flags shown at all, by days late:");
            lateRedFlagsSurfaced.forEach((late, n) -> out.append(String.format(Locale.ROOT, " %d d: %d of %d;", late, n[1], n[0])));
            out.append(System.lineSeparator());
            out.append(targets());
            return out.toString();
        }

        /** Issue 16's targets against today's figures: item 2 turns these into assertions once the rules are tuned. */
        String targets() {
            Delays fading = delays(LabelledHistories.Cohort.PLATEAU_FADING_RELIEF);
            Delays keeping = delays(LabelledHistories.Cohort.PLATEAU_KEEPING_RELIEF);
            int worst = Math.max(fading == null ? 0 : fading.percentile(1.0), keeping == null ? 0 : keeping.percentile(1.0));
            return String.format(Locale.ROOT, "target vs now: false PLATEAU <= 2%% | now %s; plateau median delay with fading relief <= 5 | now %s; "
                            + "without <= 7 | now %s; plateau delay never > 10 | now max %s; changes per patient per week <= 1 | now max %.2f; "
                            + "late RED_FLAG recall 1.0 | now %s%n",
                    percent(falsePlateauRate()), fading == null ? "-" : days(fading.percentile(0.5)),
                    keeping == null ? "-" : days(keeping.percentile(0.5)), days(worst), maxChangesPerWeek, ratio(redFlagRecallLate));
        }

        private static int maxDetected(Delays d) {
            return Arrays.stream(d.sorted()).filter(x -> x != NEVER).max().orElse(NEVER);
        }

        private static String days(int days) {
            return days == NEVER ? "never" : Integer.toString(days);
        }

        private static String ratio(double r) {
            return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.3f", r);
        }

        private static String percent(double r) {
            return String.format(Locale.ROOT, "%.1f%%", 100 * r);
        }
    }

    /** A large run: {@code java ... DayByDayReplay [patients] [seed]} (or the test with -Dbacktrack.replay.patients). */
    public static void main(String[] args) {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 16;
        long started = System.nanoTime();
        Report report = new Report(new DayByDayReplay().replay(LabelledHistories.generate(patients, seed)));
        System.out.print(report.render());
        System.out.printf(Locale.ROOT, "seed %d, %.1f s%n", seed, (System.nanoTime() - started) / 1e9);
    }
}
