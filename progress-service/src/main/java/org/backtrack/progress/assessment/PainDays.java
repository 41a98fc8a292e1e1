package org.backtrack.progress.assessment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A patient window folded into calendar days (of the clinic's {@link CalendarDays}), once per assessment, so that the trend rules
 * can ask what the series looked like as of any of its days without going over the readings again. Days are epoch
 * days; each holds the number of sessions, the sums of pain before and of relief, and the sessions that brought no
 * relief ({@link ReliefFading#noRelief}). The first week's figures come from the window's baseline.
 */
final class PainDays {

    final long[] days;
    final int[] sessions;
    final double[] painSum;
    final double[] reliefSum;
    final int[] noRelief;
    /** Sessions with a day up to and including {@code days[i]}: how many distinct sessions the window held then. */
    final int[] sessionsUpTo;
    final long firstDay;
    final double baselinePain;
    final double baselineRelief;
    final int baselineNoRelief;
    final int baselineSessions;

    private PainDays(long[] days, int[] sessions, double[] painSum, double[] reliefSum, int[] noRelief, long firstDay,
                     double baselinePain, double baselineRelief, int baselineNoRelief, int baselineSessions) {
        this.days = days;
        this.sessions = sessions;
        this.painSum = painSum;
        this.reliefSum = reliefSum;
        this.noRelief = noRelief;
        this.firstDay = firstDay;
        this.baselinePain = baselinePain;
        this.baselineRelief = baselineRelief;
        this.baselineNoRelief = baselineNoRelief;
        this.baselineSessions = baselineSessions;
        this.sessionsUpTo = new int[days.length];
        int running = 0;
        for (int i = 0; i < days.length; i++) {
            running += sessions[i];
            sessionsUpTo[i] = running;
        }
    }

    static PainDays of(PatientWindow window) {
        return of(window, CalendarDays.UTC);
    }

    static PainDays of(PatientWindow window, CalendarDays calendar) {
        TreeMap<Long, double[]> byDay = new TreeMap<>(); // sessions, pain sum, relief sum, no relief
        Set<String> seen = new HashSet<>();
        for (List<PainReading> list : List.of(window.baseline(), window.recent())) {
            for (PainReading r : list) {
                if (!seen.add(r.sessionId())) {
                    continue;
                }
                double[] day = byDay.computeIfAbsent(calendar.dayOf(r.completedAt()).toEpochDay(), d -> new double[4]);
                day[0]++;
                day[1] += r.painBefore();
                day[2] += r.relief();
                day[3] += ReliefFading.noRelief(r) ? 1 : 0;
            }
        }
        int n = byDay.size();
        long[] days = new long[n];
        int[] sessions = new int[n];
        double[] pain = new double[n];
        double[] relief = new double[n];
        int[] none = new int[n];
        int i = 0;
        for (var e : byDay.entrySet()) {
            days[i] = e.getKey();
            sessions[i] = (int) e.getValue()[0];
            pain[i] = e.getValue()[1];
            relief[i] = e.getValue()[2];
            none[i] = (int) e.getValue()[3];
            i++;
        }
        double baselinePain = 0;
        double baselineRelief = 0;
        int baselineNone = 0;
        for (PainReading r : window.baseline()) {
            baselinePain += r.painBefore();
            baselineRelief += r.relief();
            baselineNone += ReliefFading.noRelief(r) ? 1 : 0;
        }
        int baselineCount = window.baseline().size();
        long first = window.firstAt() == null ? 0 : calendar.dayOf(window.firstAt()).toEpochDay();
        return new PainDays(days, sessions, pain, relief, none, first,
                baselineCount == 0 ? Double.NaN : baselinePain / baselineCount,
                baselineCount == 0 ? Double.NaN : baselineRelief / baselineCount, baselineNone, baselineCount);
    }

    boolean isEmpty() {
        return days.length == 0;
    }

    long lastDay() {
        return days[days.length - 1];
    }

    /** Index of the last day on or before {@code day}, or -1. */
    int indexUpTo(long day) {
        int lo = 0;
        int hi = days.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (days[mid] <= day) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Index of the first day after {@code day} (the number of days on or before it). */
    int indexAfter(long day) {
        return indexUpTo(day) + 1;
    }

    double meanPain(int i) {
        return painSum[i] / sessions[i];
    }
}
