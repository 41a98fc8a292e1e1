package org.backtrack.routine.web;

import org.backtrack.security.Caller;
import org.backtrack.security.PatientOwners;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The clinic-isolation rule of every routine-service endpoint: a patient of another clinic, or another patient for a
 * patient token, is answered exactly like an unknown patient (404), so ids of others leak nothing.
 */
@Component
public class PatientScope {

    private final PatientOwners owners;

    PatientScope(PatientOwners owners) {
        this.owners = owners;
    }

    /** For reads: the patient must be known here and visible to the caller. */
    public void requireVisible(Caller caller, String patientId) {
        if (!owners.visibleTo(caller, patientId)) {
            throw new PatientNotFoundException(patientId);
        }
    }

    /**
     * For writes: the patient becomes the caller's clinic's if new; one of another clinic, or another patient for a
     * patient token, is not found.
     */
    public void claimFor(Caller caller, String patientId) {
        if (!caller.mayName(patientId) || !caller.maySee(owners.claim(patientId, caller.clinicId()), patientId)) {
            throw new PatientNotFoundException(patientId);
        }
    }

    /** The clinic a write is for: the caller's; a body naming another is refused, naming the field. */
    public static String clinicOf(Caller caller, String requestedClinicId) {
        if (requestedClinicId != null && !requestedClinicId.equals(caller.clinicId())) {
            throw new InvalidFieldsException("Invalid request", List.of(Map.of("field", "clinicId",
                    "message", "must be your own clinic (" + caller.clinicId() + ") or left out")));
        }
        return caller.clinicId();
    }

    public static class PatientNotFoundException extends RuntimeException {
        PatientNotFoundException(String patientId) {
            super("No patient " + patientId + " among yours");
        }
    }
}
