/**
 * What routine-service knows of a patient: the pair (clinicId, patientId), nothing more. There is no owner table:
 * two clinics may each have {@code patient-42}, and neither learns of the other.
 */
package org.backtrack.routine.patients;
