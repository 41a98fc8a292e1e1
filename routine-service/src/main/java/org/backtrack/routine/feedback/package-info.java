/**
 * Feedback per exercise and what it changes: the rules (plain Java) that decide, from the patient's recent feedback,
 * which exercise the next routine leaves out or regresses, which one it progresses, and which step beyond the
 * program's stage becomes a proposal for the clinician; and whether a red flag is open, which stops every progression.
 */
package org.backtrack.routine.feedback;
