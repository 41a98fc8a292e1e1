package org.backtrack.progress.outcomes;

import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.ProgressAssessor;
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
    private final int prescribedPerWeek;
    private final Clock clock;

    OutcomeQueries(RecordedSessions sessions, ProgressAssessor assessor, Optional<Clock> clock) {
        this.sessions = sessions;
        this.prescribedPerWeek = assessor.prescribedPerWeek();
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Today, the default end of the window. */
    public LocalDate today() {
        return CalendarDays.UTC.dayOf(clock.instant());
    }

    public ClinicOutcomes.Result outcomesOf(String clinicId, SeriesWindow window) {
        List<PainEntry> entries = sessions.painOfClinic(clinicId, CalendarDays.UTC.startOf(window.from()),
                        CalendarDays.UTC.endOf(window.to())).stream()
                .map(s -> new PainEntry(s.patientId(), s.completedAt(), s.painBefore())).toList();
        return ClinicOutcomes.of(entries, prescribedPerWeek, CalendarDays.UTC);
    }
}
