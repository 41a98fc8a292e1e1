package org.backtrack.progress.monitoring;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.backtrack.paging.Paging;
import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.clinics.ClinicSettings;
import org.backtrack.progress.monitoring.MonitoringDays.PatientMonitoring;
import org.backtrack.progress.monitoring.MonitoringDays.PatientRow;
import org.backtrack.progress.monitoring.rules.MonitoringPeriods;
import org.backtrack.progress.monitoring.rules.MonitoringStart;
import org.backtrack.progress.programs.ProgramHistories;
import org.backtrack.progress.programs.rules.ProgramTimeline;
import org.backtrack.progress.readmodel.PatientWindows;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The monitoring reads, worked out at read time from the raw stored sessions (after corrections and deduplication)
 * in the clinic's time zone ({@link ClinicSettings}), so they always equal a recomputation. The monitoring start is the
 * one set on the patient's program ({@link ProgramHistories}, from {@code backtrack.programs}) when there is one, else
 * the day of the patient's first session ({@link MonitoringStart}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MonitoringQueries {

    /** How many earlier periods a patient's answer lists. */
    public static final int EARLIER_PERIODS = 12;
    public static final String FIRST_SESSION = MonitoringStart.Source.FIRST_SESSION.name();

    /** The order of the clinic's list: reachable by least slack first, then lost, then reached, then by patient id. */
    static final Comparator<PatientRow> AT_RISK_FIRST = Comparator.comparingInt((PatientRow r) -> r.standing().ordinal())
            .thenComparingInt(PatientRow::slack).thenComparing(PatientRow::patientId);

    private final RecordedSessions sessions;
    private final PatientWindows windows;
    private final ClinicSettings settings;
    private final ProgramHistories programs;
    private final Clock clock;

    /** The monitoring start of a patient ({@link MonitoringStart}): the program's when set, else the first session's day. */
    static Optional<MonitoringStart> startOf(Optional<ProgramTimeline.History> program, Optional<java.time.Instant> firstSession,
                                             CalendarDays calendar) {
        return MonitoringStart.of(program.map(ProgramTimeline.History::monitoringStart).orElse(null), firstSession, calendar);
    }

    /** Raised for a date before the patient's monitoring start. */
    public static class BeforeStartException extends RuntimeException {
        BeforeStartException(LocalDate start) {
            super("is before the patient's monitoring start, " + start);
        }
    }

    /**
     * A patient's period holding {@code date} (default: today in the clinic's zone) with the counts of up to
     * {@link #EARLIER_PERIODS} earlier ones; empty when the patient has no session in the clinic.
     *
     * @throws BeforeStartException for a date before the monitoring start
     */
    public Optional<PatientMonitoring> ofPatient(String clinicId, String patientId, Optional<LocalDate> date) {
        List<MonitoringPeriods.Session> recorded = sessions.ofPatient(clinicId, patientId).stream()
                .map(MonitoringQueries::session).toList();
        CalendarDays calendar = settings.calendarOf(clinicId);
        Optional<ProgramTimeline.History> program = programs.of(clinicId, patientId);
        Optional<MonitoringStart> chosenStart = startOf(program, recorded.stream().map(MonitoringPeriods.Session::completedAt)
                .min(Comparator.naturalOrder()), calendar);
        if (chosenStart.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> start = Optional.of(chosenStart.get().date());
        LocalDate today = calendar.dayOf(clock.instant());
        LocalDate chosen = date.orElse(today);
        int index = MonitoringPeriods.indexOf(start.get(), chosen);
        if (index < 0) {
            throw new BeforeStartException(start.get());
        }
        MonitoringPeriods.Period period = MonitoringPeriods.period(start.get(), index, calendar, recorded, today);
        List<MonitoringDays.EarlierPeriod> earlier = new ArrayList<>();
        for (int i = index - 1; i >= Math.max(0, index - EARLIER_PERIODS); i--) {
            earlier.add(MonitoringDays.EarlierPeriod.of(MonitoringPeriods.period(start.get(), i, calendar, recorded, today)));
        }
        return Optional.of(new PatientMonitoring(patientId, clinicId, start.get(), chosenStart.get().source().name(), settings.of(clinicId).timeZone(), today,
                MonitoringDays.Period.of(period), earlier));
    }

    /**
     * One page of the clinic's patients, each with the period holding {@code date} (default: today in the clinic's zone),
     * at risk of missing 16 days first ({@link #AT_RISK_FIRST}). Patients whose monitoring starts after the date are left
     * out. One read of the clinic's patients' first sessions and one query for the clinic's sessions of the 61 days around
     * the date.
     */
    public Paging.Page<PatientRow> ofClinic(String clinicId, Optional<LocalDate> date, Optional<Paging.Cursor> after, int size) {
        CalendarDays calendar = settings.calendarOf(clinicId);
        LocalDate today = calendar.dayOf(clock.instant());
        LocalDate chosen = date.orElse(today);
        Map<String, List<MonitoringPeriods.Session>> byPatient = new HashMap<>();
        for (RecordedSession s : sessions.ofClinicBetween(clinicId,
                calendar.startOf(chosen.minusDays(MonitoringPeriods.PERIOD_DAYS)),
                calendar.endOf(chosen.plusDays(MonitoringPeriods.PERIOD_DAYS)))) {
            byPatient.computeIfAbsent(s.patientId(), p -> new ArrayList<>()).add(session(s));
        }
        Map<String, ProgramTimeline.History> histories = programs.ofClinic(clinicId);
        Map<String, Optional<java.time.Instant>> firstSessions = new java.util.TreeMap<>();
        for (PatientWindow window : windows.ofClinic(clinicId)) {
            firstSessions.put(window.patientId(), Optional.ofNullable(window.firstAt()));
        }
        histories.values().forEach(h -> firstSessions.putIfAbsent(h.patientId(), Optional.empty())); // a program, no session yet
        List<PatientRow> rows = new ArrayList<>();
        firstSessions.forEach((patientId, first) -> startOf(Optional.ofNullable(histories.get(patientId)), first, calendar)
                .flatMap(start -> MonitoringPeriods.periodHolding(start.date(), chosen, calendar,
                        byPatient.getOrDefault(patientId, List.of()), today))
                .ifPresent(p -> rows.add(PatientRow.of(patientId, p))));
        rows.sort(AT_RISK_FIRST);
        List<PatientRow> page = rows;
        if (after.isPresent()) {
            PatientRow from = new PatientRow(after.get().identifier(Paging.CURSOR, 2), null, null, 0, false, false,
                    after.get().integer(Paging.CURSOR, 1, -MonitoringPeriods.PERIOD_DAYS, MonitoringPeriods.PERIOD_DAYS), 0, null,
                    MonitoringPeriods.Standing.values()[after.get().integer(Paging.CURSOR, 0, 0, MonitoringPeriods.Standing.values().length - 1)]);
            page = rows.stream().filter(r -> AT_RISK_FIRST.compare(r, from) > 0).toList();
        }
        return Paging.Page.of(page.subList(0, Math.min(page.size(), size + 1)), size,
                last -> Paging.Cursor.of(last.standing().ordinal(), last.slack(), last.patientId()));
    }

    private static MonitoringPeriods.Session session(RecordedSession s) {
        return new MonitoringPeriods.Session(s.sessionId(), s.completedAt());
    }
}
