package org.backtrack.progress.readmodel;

import org.backtrack.progress.assessment.PatientWindow;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A patient's window as stored, with a version guarding concurrent updates (one document, no transaction). */
@Document("patient_windows")
public record StoredWindow(@Id String patientId, @Indexed String clinicId, long version, PatientWindow window) {
}
