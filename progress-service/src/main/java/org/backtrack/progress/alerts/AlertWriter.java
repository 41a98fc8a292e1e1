package org.backtrack.progress.alerts;

import org.backtrack.outbox.Publication;
import org.backtrack.progress.alerts.rules.AlertDecision;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out the rules' decisions: a raise is an insert-if-absent under the alert's deterministic key, a resolution
 * a guarded update. Whichever call actually changed an alert owes its event and writes the alert claimed for sending;
 * the events of a whole {@link Batch} then go to the broker together (one wait, one bookkeeping write), so a consumer
 * batch that raises and resolves many alerts does not wait for the broker once per alert.
 */
@Component
@RequiredArgsConstructor
class AlertWriter {

    private final Alerts alerts;
    private final AlertEvents events;

    /** What the rules decided for one patient. */
    record PatientDecisions(String clinicId, String patientId, List<AlertDecision> decisions) {
    }

    private static Alerts.Resolving resolving(String clinicId, AlertDecision.Resolve resolve) {
        return new Alerts.Resolving(clinicId, resolve.alertId(), resolve.resolution(), resolve.bySessionId());
    }

    /** A new batch of decisions to carry out; call {@link Batch#publish()} when done. */
    Batch batch() {
        return new Batch();
    }

    /** The alerts one caller changes together, each in its latest written version. */
    final class Batch {

        private final Map<String, StoredAlert> written = new LinkedHashMap<>();

        private Batch() {
        }

        /** @return how many alerts this call raised */
        int carryOut(String clinicId, String patientId, List<AlertDecision> decisions, Instant now) {
            int raised = 0;
            for (AlertDecision decision : decisions) {
                if (decision instanceof AlertDecision.Raise raise) {
                    var stored = alerts.insertIfAbsent(StoredAlert.raised(clinicId, patientId, raise, now));
                    if (stored.isPresent()) {
                        raised++;
                        written.put(stored.get().key(), stored.get());
                    }
                } else if (decision instanceof AlertDecision.Resolve resolve) {
                    alerts.resolve(resolving(clinicId, resolve), now).ifPresent(a -> written.put(a.key(), a));
                }
            }
            return raised;
        }

        /**
         * {@link #carryOut} for many patients at once, in two bulk writes: every raise inserted, then every resolution
         * applied (so a raise and a resolution of one alert in the same batch still happen in that order).
         */
        void carryOutAll(List<PatientDecisions> patients, Instant now) {
            List<StoredAlert> raises = new ArrayList<>();
            List<Alerts.Resolving> resolutions = new ArrayList<>();
            for (PatientDecisions patient : patients) {
                for (AlertDecision decision : patient.decisions()) {
                    if (decision instanceof AlertDecision.Raise raise) {
                        raises.add(StoredAlert.raised(patient.clinicId(), patient.patientId(), raise, now));
                    } else if (decision instanceof AlertDecision.Resolve resolve) {
                        resolutions.add(resolving(patient.clinicId(), resolve));
                    }
                }
            }
            alerts.insertAllIfAbsent(raises).forEach(a -> written.put(a.key(), a));
            alerts.resolveAll(resolutions, now).forEach(a -> written.put(a.key(), a));
        }

        /**
         * Sends the events the batch's changes owe, in lifecycle order per alert.
         *
         * @return PUBLISHED when the broker acknowledged them all; PENDING when the relay will deliver them
         */
        Publication publish() {
            Publication publication = events.publishClaimed(List.copyOf(written.values()));
            written.clear();
            return publication;
        }
    }
}
