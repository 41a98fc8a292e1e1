/**
 * What every HTTP adapter of routine-service shares: the clinic scope of patient data ({@link
 * org.backtrack.routine.web.PatientScope}) and problem documents for requests with bad fields or unknown patients.
 */
package org.backtrack.routine.web;
