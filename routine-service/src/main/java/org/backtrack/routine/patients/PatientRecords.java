package org.backtrack.routine.patients;

/**
 * A store of patient data in routine-service (sessions, programs, routines). A patient exists here only as
 * (clinicId, patientId): a clinic knows the patients it has written something for, and no other clinic's data
 * says anything about them.
 */
public interface PatientRecords {

    /** Whether this store holds anything for {@code patientId} of {@code clinicId}; reads only that clinic's data. */
    boolean holdsAny(String clinicId, String patientId);
}
