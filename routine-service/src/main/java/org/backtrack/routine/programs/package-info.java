/**
 * Patient programs: the current stage and focus, and the progression proposals a clinician accepts or declines. A
 * program belongs to one patient of one clinic; a progress event changes the program of its own clinicId and
 * patientId, never another clinic's.
 */
package org.backtrack.routine.programs;
