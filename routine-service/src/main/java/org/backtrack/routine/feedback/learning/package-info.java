/**
 * How routine-service learns each patient's feedback per exercise: from every session on {@code backtrack.sessions}
 * (its own and those integrators produce) and the red-flag alerts on {@code backtrack.progress}, kept bounded per
 * patient, applied idempotently; and what it hands to composition and to the clinician's proposals.
 */
package org.backtrack.routine.feedback.learning;
