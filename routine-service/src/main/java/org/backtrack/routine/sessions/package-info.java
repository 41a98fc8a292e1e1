/**
 * Session logging: validate, store, publish {@code backtrack.session.completed.v1} keyed by patient. A session is
 * (clinicId, sessionId) and a patient (clinicId, patientId), so clinics never see or block each other's ids.
 */
package org.backtrack.routine.sessions;
