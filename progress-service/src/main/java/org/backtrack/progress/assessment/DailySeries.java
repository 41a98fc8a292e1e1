package org.backtrack.progress.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Sessions folded into one point per calendar day (of the clinic's {@link CalendarDays}), with the 7-day rolling mean of pain before. */
public final class DailySeries {

    public static final int ROLLING_DAYS = 7;

    /**
     * @param rollingMean7 mean of the daily pain-before means of this day and the six before it that have data
     */
    public record Day(LocalDate date, double painBefore, double painAfter, double relief, int sessions, double rollingMean7) {
    }

    private DailySeries() {
    }

    /** The series in UTC days. */
    public static List<Day> of(List<PainReading> readings) {
        return of(readings, CalendarDays.UTC);
    }

    /** The series in the days of {@code calendar}. */
    public static List<Day> of(List<PainReading> readings, CalendarDays calendar) {
        Map<LocalDate, List<PainReading>> byDay = readings.stream()
                .collect(Collectors.groupingBy(r -> calendar.dayOf(r.completedAt()), TreeMap::new, Collectors.toList()));
        List<Day> days = new ArrayList<>();
        TreeMap<LocalDate, Double> means = new TreeMap<>();
        byDay.forEach((date, sessions) -> {
            double before = sessions.stream().mapToInt(PainReading::painBefore).average().orElseThrow();
            double after = sessions.stream().mapToInt(PainReading::painAfter).average().orElseThrow();
            means.put(date, before);
            double rolling = means.subMap(date.minusDays(ROLLING_DAYS - 1L), true, date, true).values().stream()
                    .mapToDouble(Double::doubleValue).average().orElseThrow();
            days.add(new Day(date, TrendAnalysis.round(before), TrendAnalysis.round(after), TrendAnalysis.round(before - after),
                    sessions.size(), TrendAnalysis.round(rolling)));
        });
        return days;
    }
}
