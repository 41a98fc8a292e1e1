package org.backtrack.progress.outcomes;

import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.ProgressAssessor;
import org.backtrack.progress.clinics.ClinicSettings;
import org.backtrack.progress.outcomes.rules.ClinicOutcomes;
import org.backtrack.progress.outcomes.rules.PainEntry;
import org.backtrack.progress.patients.SeriesWindow;
import org.backtrack.progress.sessions.RecordedSessions;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A clinic's outcomes over a window of days, from one read of the clinic's sessions of the window
 * ({@link RecordedSessions#painOfClinic}) and the rules ({@link ClinicOutcomes}); nothing is stored, so the answer
 * always equals a recomputation.
 */
@Service
public class OutcomeQueries {

    private final RecordedSessions sessions;
    private final ClinicSettings settings;
    private final int prescribedPerWeek;
    private final Clock clock;

    OutcomeQueries(RecordedSessions sessions, ClinicSettings settings, ProgressAssessor assessor, Optional<Clock> clock) {
        this.sessions = sessions;
        this.settings = settings;
        this.prescribedPerWeek = assessor.prescribedPerWeek();
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Today in the clinic's days, the default end of the window. */
    public LocalDate today(String clinicId) {
        return settings.calendarOf(clinicId).dayOf(clock.instant());
    }

    /** The outcomes over the window, every day a day of the clinic (its time zone). */
    public ClinicOutcomes.Result outcomesOf(String clinicId, SeriesWindow window) {
        CalendarDays calendar = settings.calendarOf(clinicId);
        List<PainEntry> entries = sessions.painOfClinic(clinicId, window.start(calendar), window.end(calendar)).stream()
                .map(s -> new PainEntry(s.patientId(), s.completedAt(), s.painBefore())).toList();
        return ClinicOutcomes.of(entries, prescribedPerWeek, calendar);
    }
}
