package org.backtrack.progress.readmodel;

import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.security.ClinicKeys;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A patient's window as stored under the patient's identity {@code clinicId/patientId}, with a version guarding
 * concurrent updates (one document, no transaction).
 */
@Document("patient_windows")
public record StoredWindow(@Id String key, String patientId, @Indexed String clinicId, long version, PatientWindow window) {

    static StoredWindow of(PatientWindow window, long version) {
        return new StoredWindow(keyOf(window), window.patientId(), window.clinicId(), version, window);
    }

    static String keyOf(PatientWindow window) {
        return ClinicKeys.of(window.clinicId(), window.patientId());
    }
}
