package org.backtrack.routine.patients;

import org.springframework.data.mongodb.core.query.Criteria;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A store of patient data in routine-service (sessions, programs, routines). A patient exists here only as
 * (clinicId, patientId): a clinic knows the patients it has written something for, and no other clinic's data
 * says anything about them.
 */
public interface PatientRecords {

    /** Whether this store holds anything for {@code patientId} of {@code clinicId}; reads only that clinic's data. */
    boolean holdsAny(String clinicId, String patientId);

    /** The one filter for a patient's documents in any store: always the clinic, then the patient. */
    static Criteria ofPatient(String clinicId, String patientId) {
        return where("clinicId").is(clinicId).and("patientId").is(patientId);
    }
}
