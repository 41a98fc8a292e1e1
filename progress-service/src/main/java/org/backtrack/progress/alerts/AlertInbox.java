package org.backtrack.progress.alerts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.backtrack.events.AlertStatus;
import org.backtrack.progress.readmodel.PatientSummaries;
import org.backtrack.security.ClinicKeys;
import org.backtrack.paging.Paging;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What the alert API reads and the one change it makes: a clinician's acknowledgement, published like every change. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AlertInbox {

    private final Alerts alerts;
    private final AlertEvents events;
    private final PatientSummaries summaries;
    private final Clock clock;

    /** Whether the clinic has this patient (a session recorded): else the patient's alerts answer 404, like their progress. */
    public boolean knows(String clinicId, String patientId) {
        return !summaries.lastSessionAt(List.of(ClinicKeys.of(clinicId, patientId))).isEmpty();
    }

    public Paging.Page<Alert> page(String clinicId, Optional<String> patientId, Optional<AlertStatus> status,
                                   Optional<Paging.Cursor> after, int size, boolean withNotes) {
        Paging.Page<StoredAlert> page = alerts.page(clinicId, patientId, status, after, size);
        return new Paging.Page<>(page.items().stream().map(a -> Alert.of(a, withNotes)).toList(), page.next());
    }

    public Optional<Alert> find(String clinicId, String alertId, boolean withNote) {
        return alerts.find(clinicId, alertId).map(a -> Alert.of(a, withNote));
    }

    /** What an acknowledgement came to, with the alert as it stands afterwards (or as it was, when already acknowledged). */
    public record Acknowledgement(Alerts.Acknowledged.Outcome outcome, Alert alert) {
    }

    /** Records the acknowledgement and sends its event (at once when the broker answers in time, else by the relay). */
    public Acknowledgement acknowledge(String clinicId, String alertId, String by, String note) {
        Alerts.Acknowledged done = alerts.acknowledge(clinicId, alertId, by, note, clock.instant());
        if (done.outcome() == Alerts.Acknowledged.Outcome.ACKNOWLEDGED) {
            events.publish(done.alert());
        }
        return new Acknowledgement(done.outcome(), done.alert() == null ? null : Alert.of(done.alert(), true));
    }
}
