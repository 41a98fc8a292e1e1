/**
 * Program history (issue 21): progress-service's own copy of routine-service's patient programs, fed by
 * {@code backtrack.programs} (its own consumer group) and kept per (clinicId, patientId) in {@code program_history}:
 * the current program, its monitoring start, the starting stage and focus, and the stage changes with their times.
 * Monitoring counts periods from the program's monitoring start; the clinic outcomes break down by starting stage and
 * program and look at plateaus followed by a stage change. The history is recomputable by replaying the topic from
 * its start under a new group id (docs/analytics.md).
 */
package org.backtrack.progress.programs;
