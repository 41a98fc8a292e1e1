package org.backtrack.progress.patients;

import org.backtrack.events.SessionCompleted;
import org.backtrack.progress.assessment.Assessment;
import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.ProgressAssessor;
import org.backtrack.progress.assessment.ProgressStatus;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Assembles progress documents from the recorded sessions; every number is recomputed from them. */
@Service
public class ProgressQueries {

    private final RecordedSessions sessions;
    private final ProgressAssessor assessor = new ProgressAssessor();
    private final Clock clock;

    ProgressQueries(RecordedSessions sessions, Optional<Clock> clock) {
        this.sessions = sessions;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Optional<PatientProgress> progressOf(String patientId) {
        List<RecordedSession> recorded = sessions.ofPatient(patientId);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Assessment assessment = assessor.assess(readings(recorded), now);
        var series = recorded.stream()
                .map(r -> new PatientProgress.SeriesPoint(r.sessionId(), r.completedAt(), r.session().painBefore(), r.session().painAfter()))
                .toList();
        RecordedSession latest = recorded.get(recorded.size() - 1);
        return Optional.of(new PatientProgress(patientId, latest.clinicId(), recorded.size(), assessment.status(), series,
                assessment.trend(), assessment.adherence(), assessment.alerts(), assessment.suggestion(), now));
    }

    public List<PatientSummary> overviewOf(String clinicId, Optional<ProgressStatus> statusFilter) {
        Instant now = clock.instant();
        var byPatient = sessions.ofClinic(clinicId).stream()
                .collect(Collectors.groupingBy(RecordedSession::patientId, LinkedHashMap::new, Collectors.toList()));
        return byPatient.entrySet().stream()
                .map(entry -> summarize(entry.getKey(), entry.getValue(), now))
                .filter(summary -> statusFilter.map(s -> s == summary.status()).orElse(true))
                .sorted(Comparator.comparing(PatientSummary::patientId))
                .toList();
    }

    private PatientSummary summarize(String patientId, List<RecordedSession> recorded, Instant now) {
        Assessment assessment = assessor.assess(readings(recorded), now);
        RecordedSession latest = recorded.stream().max(Comparator.comparing(RecordedSession::completedAt)).orElseThrow();
        return new PatientSummary(patientId, assessment.status(), recorded.size(), latest.completedAt(),
                latest.session().painAfter(), assessment.trend(), assessment.adherence(), assessment.alerts(),
                assessment.suggestion().action());
    }

    private static List<PainReading> readings(List<RecordedSession> recorded) {
        return recorded.stream().map(r -> {
            SessionCompleted s = r.session();
            return new PainReading(r.sessionId(), s.completedAt(), s.painBefore(), s.painAfter(),
                    s.flagsOrNone().sharpPain(), s.flagsOrNone().anyRedFlag());
        }).toList();
    }
}
