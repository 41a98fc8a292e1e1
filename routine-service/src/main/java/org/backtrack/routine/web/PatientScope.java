package org.backtrack.routine.web;

import org.backtrack.routine.patients.PatientRecords;
import org.backtrack.security.Caller;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The clinic-isolation rule of every routine-service endpoint: a patient is (the caller's clinic, patientId), so
 * data of the same id in another clinic is never loaded, and a patient the caller may not name (another patient
 * for a patient token) is answered exactly like one without data (404), so ids of others leak nothing.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PatientScope {

    private final List<PatientRecords> records;

    /** For reads: the caller may name the patient, and their clinic holds data for them here. */
    public void requireVisible(Caller caller, String patientId) {
        requireNameable(caller, patientId);
        if (records.stream().noneMatch(store -> store.holdsAny(caller.clinicId(), patientId))) {
            throw new PatientNotFoundException(patientId);
        }
    }

    /** For writes: the caller may name the patient; the write is for the caller's clinic, so it claims nothing. */
    public void requireWritable(Caller caller, String patientId) {
        requireNameable(caller, patientId);
    }

    /** The clinic a write is for: the caller's; a body naming another is refused, naming the field. */
    public static String clinicOf(Caller caller, String requestedClinicId) {
        if (requestedClinicId != null && !requestedClinicId.equals(caller.clinicId())) {
            throw new InvalidFieldsException("Invalid request", List.of(Map.of("field", "clinicId",
                    "message", "must be your own clinic (" + caller.clinicId() + ") or left out")));
        }
        return caller.clinicId();
    }

    private static void requireNameable(Caller caller, String patientId) {
        // checked before anything is loaded: patient tokens name only themselves, clinic-less callers nobody
        if (!caller.mayName(patientId)) {
            throw new PatientNotFoundException(patientId);
        }
    }

    public static class PatientNotFoundException extends RuntimeException {
        PatientNotFoundException(String patientId) {
            super("No patient " + patientId + " among yours");
        }
    }
}
