package org.backtrack.progress.publication;

import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.security.ClinicKeys;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** What was last published for a patient (keyed {@code clinicId/patientId}), to publish again only on a change. */
@Document("progress_publications")
record PublishedProgress(@Id String key, String clinicId, String patientId, String status, String action, List<String> alerts,
                         String eventId, Instant publishedAt) {

    static String keyOf(PatientWindow window) {
        return ClinicKeys.of(window.clinicId(), window.patientId());
    }

    boolean sameAs(String status, String action, List<String> alerts) {
        return this.status.equals(status) && this.action.equals(action) && this.alerts.equals(alerts);
    }
}
