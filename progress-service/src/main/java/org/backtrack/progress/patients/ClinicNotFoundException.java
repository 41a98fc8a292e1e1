package org.backtrack.progress.patients;

/** A clinic other than the caller's: answered like an unknown one (404). */
public class ClinicNotFoundException extends RuntimeException {

    public ClinicNotFoundException(String clinicId) {
        super("No clinic " + clinicId + " among yours");
    }
}
