package org.backtrack.progress.alerts;

import org.backtrack.events.AlertType;
import org.backtrack.progress.alerts.rules.AlertDecision;
import org.backtrack.progress.alerts.rules.DisengagementRule;
import org.backtrack.progress.alerts.rules.OpenAlerts;
import org.backtrack.progress.readmodel.PatientSummaries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Raises the absence alerts (no session for 3 and for 14 days) on a schedule, from the patients' last-session times in
 * the overview summaries. Safe on several instances at once without locks: an absence's alert has one identity (the
 * patient and the last session before it), so concurrent sweeps insert it once and the others find it there. Each run
 * reads at most {@code max-pages} pages of {@code page-size} patients (only those silent for 3 days or more and at most
 * {@code look-back}), continuing where the previous run stopped, so its work is bounded whatever the clinic's size.
 */
@Component
public class DisengagementSweep {

    private static final Logger log = LoggerFactory.getLogger(DisengagementSweep.class);

    private final PatientSummaries summaries;
    private final AlertEpisodes episodes;
    private final AlertWriter writer;
    private final Clock clock;
    private final boolean enabled;
    private final Duration lookBack;
    private final int pageSize;
    private final int maxPages;
    /** Where the next run continues (a patient key); null: from the first. Per instance: any instance may sweep any page. */
    private volatile String resumeAfter;

    DisengagementSweep(PatientSummaries summaries, AlertEpisodes episodes, AlertWriter writer, Clock clock,
                       @Value("${backtrack.alerts.sweep.enabled}") boolean enabled,
                       @Value("${backtrack.alerts.sweep.look-back}") Duration lookBack,
                       @Value("${backtrack.alerts.sweep.page-size}") int pageSize,
                       @Value("${backtrack.alerts.sweep.max-pages}") int maxPages) {
        this.summaries = summaries;
        this.episodes = episodes;
        this.writer = writer;
        this.clock = clock;
        this.enabled = enabled;
        this.lookBack = lookBack;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
    }

    /** What one run did. */
    public record Run(int patients, int raised, boolean finished) {
    }

    @Scheduled(initialDelayString = "${backtrack.alerts.sweep.initial-delay}", fixedDelayString = "${backtrack.alerts.sweep.interval}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        Run run = sweep(clock.instant());
        if (run.raised() > 0) {
            log.info("disengagement sweep: {} patient(s) silent for 3 days or more looked at, {} alert(s) raised", run.patients(), run.raised());
        }
    }

    /** One run as of {@code now}: at most {@code max-pages} pages, from where the last run stopped. */
    public Run sweep(Instant now) {
        Instant from = now.minus(lookBack);
        Instant to = now.minus(org.backtrack.progress.assessment.Disengagement.DISENGAGED);
        String after = resumeAfter;
        int patients = 0;
        int raised = 0;
        for (int page = 0; page < maxPages; page++) {
            List<PatientSummaries.LastSession> silent = summaries.lastSessionsBetween(from, to, after, pageSize);
            patients += silent.size();
            raised += sweepPage(silent, now);
            if (silent.size() < pageSize) {
                resumeAfter = null;
                return new Run(patients, raised, true);
            }
            after = silent.get(silent.size() - 1).key();
        }
        resumeAfter = after;
        return new Run(patients, raised, false);
    }

    private int sweepPage(List<PatientSummaries.LastSession> silent, Instant now) {
        if (silent.isEmpty()) {
            return 0;
        }
        Map<String, OpenAlerts> stored = episodes.stored(silent.stream().map(PatientSummaries.LastSession::key).toList());
        Map<String, OpenAlerts> current = episodes.current(stored);
        Map<String, Instant> raisedFor = new HashMap<>();
        Map<String, PatientSummaries.LastSession> byKey = new HashMap<>();
        Map<String, OpenAlerts> afterwards = new HashMap<>();
        int raised = 0;
        AlertWriter.Batch batch = writer.batch();
        for (PatientSummaries.LastSession patient : silent) {
            OpenAlerts open = current.getOrDefault(patient.key(), OpenAlerts.NONE);
            List<AlertDecision> decisions = DisengagementRule.decide(patient.clinicId(), patient.patientId(), patient.lastSessionAt(), now, open);
            if (decisions.isEmpty() && open.equals(stored.getOrDefault(patient.key(), OpenAlerts.NONE))) {
                continue;
            }
            raised += batch.carryOut(patient.clinicId(), patient.patientId(), decisions, now);
            OpenAlerts after = open.after(decisions);
            episodes.record(patient.clinicId(), patient.patientId(), stored.getOrDefault(patient.key(), OpenAlerts.NONE), after);
            if (decisions.stream().anyMatch(d -> d instanceof AlertDecision.Raise)) {
                raisedFor.put(patient.key(), patient.lastSessionAt());
                byKey.put(patient.key(), patient);
                afterwards.put(patient.key(), after);
            }
        }
        endAbsencesASessionEndedMeanwhile(raisedFor, byKey, afterwards, batch);
        batch.publish();
        return raised;
    }

    /**
     * A session may have arrived between reading the summaries and raising its patient's absence; the consumer, which
     * read the open alerts before this listed the absence, would then not have resolved it. So after raising, read the
     * last-session times again: a later one ends the absence here.
     */
    private void endAbsencesASessionEndedMeanwhile(Map<String, Instant> raisedFor, Map<String, PatientSummaries.LastSession> byKey,
                                                   Map<String, OpenAlerts> afterwards, AlertWriter.Batch batch) {
        if (raisedFor.isEmpty()) {
            return;
        }
        Map<String, Instant> now = summaries.lastSessionAt(raisedFor.keySet());
        for (var entry : raisedFor.entrySet()) {
            Instant latest = now.get(entry.getKey());
            if (latest == null || !latest.isAfter(entry.getValue())) {
                continue;
            }
            PatientSummaries.LastSession patient = byKey.get(entry.getKey());
            OpenAlerts open = afterwards.get(entry.getKey());
            List<AlertDecision> ended = new ArrayList<>();
            for (AlertType type : List.of(AlertType.NO_SESSION_3_DAYS, AlertType.NO_SESSION_14_DAYS)) {
                open.get(type).filter(absence -> absence.since().isBefore(latest)).ifPresent(absence -> ended.add(
                        new AlertDecision.Resolve(type, absence.alertId(), org.backtrack.events.AlertResolution.SESSION_LOGGED, null)));
            }
            batch.carryOut(patient.clinicId(), patient.patientId(), ended, clock.instant());
            episodes.record(patient.clinicId(), patient.patientId(), open, open.after(ended));
        }
    }
}
