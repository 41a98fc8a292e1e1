package org.backtrack.progress.monitoring;

import org.backtrack.progress.monitoring.rules.MonitoringPeriods;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The answers of the monitoring reads. */
public final class MonitoringDays {

    private MonitoringDays() {
    }

    /** A day with data and the session that qualified it (the day's earliest). */
    public record Day(LocalDate date, String sessionId, Instant completedAt) {
    }

    /**
     * One period of a patient in full.
     *
     * @param standing REACHABLE (16 days still possible), LOST (no longer possible) or REACHED
     */
    public record Period(LocalDate periodStart, LocalDate periodEnd, int days, boolean reached2, LocalDate reached2On,
                         boolean reached16, LocalDate reached16On, int daysLeft, int daysNeeded, LocalDate lostOn,
                         MonitoringPeriods.Standing standing, List<Day> qualifyingDays) {

        static Period of(MonitoringPeriods.Period p) {
            return new Period(p.start(), p.end(), p.count(), p.reached2(), p.reached2On(), p.reached16(), p.reached16On(),
                    p.daysLeft(), p.daysNeeded(), p.lostOn(), p.standing(),
                    p.days().stream().map(d -> new Day(d.date(), d.sessionId(), d.completedAt())).toList());
        }
    }

    /** An earlier period's counts. */
    public record EarlierPeriod(LocalDate periodStart, LocalDate periodEnd, int days, boolean reached2, boolean reached16) {

        static EarlierPeriod of(MonitoringPeriods.Period p) {
            return new EarlierPeriod(p.start(), p.end(), p.count(), p.reached2(), p.reached16());
        }
    }

    /**
     * A patient's monitoring days.
     *
     * @param startSource    where the start comes from: {@code PROGRAM} (set on the patient's program) or
     *                       {@code FIRST_SESSION} (the day of the patient's first session)
     * @param earlierPeriods the counts of the periods before the chosen one, newest first, at most {@value MonitoringQueries#EARLIER_PERIODS}
     */
    public record PatientMonitoring(String patientId, String clinicId, LocalDate monitoringStart, String startSource,
                                    String timeZone, LocalDate today, Period period, List<EarlierPeriod> earlierPeriods) {
    }

    /** A row of the clinic's list: a patient's period holding the chosen date. */
    public record PatientRow(String patientId, LocalDate periodStart, LocalDate periodEnd, int days, boolean reached2,
                             boolean reached16, int daysLeft, int daysNeeded, LocalDate lostOn,
                             MonitoringPeriods.Standing standing) {

        static PatientRow of(String patientId, MonitoringPeriods.Period p) {
            return new PatientRow(patientId, p.start(), p.end(), p.count(), p.reached2(), p.reached16(), p.daysLeft(),
                    p.daysNeeded(), p.lostOn(), p.standing());
        }

        /** Days to spare: days left minus days needed. */
        int slack() {
            return daysLeft - daysNeeded;
        }
    }
}
