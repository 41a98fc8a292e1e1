package org.backtrack.progress.readmodel;

import org.backtrack.progress.assessment.AttentionOrder;
import org.backtrack.progress.assessment.PatientSnapshot;
import org.backtrack.security.ClinicKeys;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A patient's summary for the clinic overview, stored under {@code clinicId/patientId}: the {@link PatientSnapshot}
 * and, beside it, the two fields the overview's order is queried on (the status's rank in {@link AttentionOrder} and
 * the last session's time, which decides disengagement at read time).
 */
@Document("patient_summaries")
@CompoundIndex(name = "overview_order", def = "{'clinicId': 1, 'statusRank': 1, 'patientId': 1}")
public record StoredSummary(@Id String key, String patientId, String clinicId, int statusRank, Instant lastSessionAt,
                            PatientSnapshot snapshot) {

    static StoredSummary of(PatientSnapshot snapshot) {
        return new StoredSummary(ClinicKeys.of(snapshot.clinicId(), snapshot.patientId()), snapshot.patientId(), snapshot.clinicId(),
                AttentionOrder.rank(snapshot.status()), snapshot.lastSessionAt(), snapshot);
    }
}
