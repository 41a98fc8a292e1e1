package org.backtrack.routine.feedback.learning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.backtrack.routine.feedback.FeedbackHistory;
import org.backtrack.security.ClinicKeys;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One patient's feedback history, one document per patient of a clinic, changed by single-document writes guarded by
 * version. Bounded by {@link FeedbackHistory}: under 200 KiB even with every id at its longest.
 */
@Document("exercise_feedback")
record PatientFeedback(@JsonIgnore @Id String key, String clinicId, String patientId, FeedbackHistory history, long version) {

    static String keyOf(String clinicId, String patientId) {
        return ClinicKeys.of(clinicId, patientId);
    }

    static PatientFeedback initial(String clinicId, String patientId) {
        return new PatientFeedback(keyOf(clinicId, patientId), clinicId, patientId, FeedbackHistory.EMPTY, 0);
    }

    PatientFeedback with(FeedbackHistory next) {
        return new PatientFeedback(key, clinicId, patientId, next, version + 1);
    }
}
