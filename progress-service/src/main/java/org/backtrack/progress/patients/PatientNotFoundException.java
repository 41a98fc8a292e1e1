package org.backtrack.progress.patients;

/** No session recorded for the patient in the caller's clinic, or a patient the caller may not name: both answer 404. */
public class PatientNotFoundException extends RuntimeException {

    private final String patientId;

    public PatientNotFoundException(String patientId) {
        super("No session has been recorded for patient " + patientId);
        this.patientId = patientId;
    }

    public String patientId() {
        return patientId;
    }
}
