package org.backtrack.progress.outcomes;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.ProgressAssessor;
import org.backtrack.progress.clinics.ClinicSettings;
import org.backtrack.progress.outcomes.rules.ClinicOutcomes;
import org.backtrack.progress.outcomes.rules.PainEntry;
import org.backtrack.progress.outcomes.rules.PlateauAfterStageChange;
import org.backtrack.progress.outcomes.rules.StartingProgram;
import org.backtrack.progress.patients.SeriesWindow;
import org.backtrack.progress.programs.ProgramHistories;
import org.backtrack.progress.programs.rules.ProgramTimeline;
import org.backtrack.progress.sessions.RecordedSessions;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A clinic's outcomes over a window of the clinic's days ({@link ClinicSettings}: its time zone, UTC by default), from
 * one read of the clinic's sessions of the window ({@link RecordedSessions#painOfClinic}), the program histories
 * ({@link ProgramHistories}) and the rules ({@link ClinicOutcomes}, {@link StartingProgram},
 * {@link PlateauAfterStageChange}); nothing is stored, so the answer always equals a recomputation from the sessions
 * and the program history.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OutcomeQueries {

    private final RecordedSessions sessions;
    private final ProgramHistories programs;
    private final ClinicSettings settings;
    private final ProgressAssessor assessor;
    private final Clock clock;

    /** The clinic's calendar days. */
    public CalendarDays calendarOf(String clinicId) {
        return settings.calendarOf(clinicId);
    }

    /** The clinic's time zone as set (an IANA id), {@value ClinicSettings#DEFAULT_TIME_ZONE} until set. */
    public String timeZoneOf(String clinicId) {
        return settings.of(clinicId).timeZone();
    }

    /** Today in the clinic's zone, the default end of the window. */
    public LocalDate today(String clinicId) {
        return calendarOf(clinicId).dayOf(clock.instant());
    }

    /** The clinic's outcomes, overall and broken down, with the plateaus followed by a stage change. */
    public record Outcomes(ClinicOutcomes.Result overall, List<ClinicOutcomes.Group> byStartingStage,
                           List<ClinicOutcomes.Group> byProgram, PlateauAfterStageChange.Figures plateaus) {
    }

    public Outcomes outcomesOf(String clinicId, SeriesWindow window) {
        CalendarDays days = calendarOf(clinicId);
        List<PainEntry> entries = sessions.painOfClinic(clinicId, window.start(days), window.end(days)).stream()
                .map(s -> new PainEntry(s.patientId(), s.completedAt(), s.painBefore())).toList();
        Map<String, Instant> firstSession = new HashMap<>();
        entries.forEach(e -> firstSession.merge(e.patientId(), e.completedAt(), (a, b) -> a.isBefore(b) ? a : b));
        Map<String, ProgramTimeline.History> histories = programs.of(clinicId, firstSession.keySet());
        Map<String, StartingProgram> starts = new HashMap<>();
        firstSession.forEach((patient, first) -> starts.put(patient, StartingProgram.of(histories.get(patient), first)));

        int prescribedPerWeek = assessor.prescribedPerWeek();
        List<PlateauAfterStageChange.Outcome> plateaus = new ArrayList<>();
        LocalDate today = days.dayOf(clock.instant());
        histories.forEach((patient, history) -> {
            List<PlateauAfterStageChange.StageChange> changes = history.stageChanges().stream()
                    .filter(c -> !days.dayOf(c.at()).isBefore(window.from()) && !days.dayOf(c.at()).isAfter(window.to()))
                    .map(c -> new PlateauAfterStageChange.StageChange(c.at(), c.fromStage(), c.toStage())).toList();
            if (changes.isEmpty()) {
                return; // only patients with a stage change in the window read their whole history
            }
            List<PainReading> readings = sessions.ofPatient(clinicId, patient).stream().map(RecordedSessions::reading).toList();
            PlateauAfterStageChange.of(patient, clinicId, readings, changes, window.from(), window.to(), today, days)
                    .ifPresent(plateaus::add);
        });
        return new Outcomes(ClinicOutcomes.of(entries, prescribedPerWeek, days),
                ClinicOutcomes.byGroup(entries, p -> starts.get(p).stage(), prescribedPerWeek, days),
                ClinicOutcomes.byGroup(entries, p -> starts.get(p).program(), prescribedPerWeek, days),
                PlateauAfterStageChange.Figures.of(plateaus));
    }
}
