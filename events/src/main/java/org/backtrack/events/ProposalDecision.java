package org.backtrack.events;

/**
 * Where a progression proposal on a patient's program stands: waiting for a clinician, accepted (the program moved to
 * its stage), declined by a clinician, or withdrawn because a later safety signal (back off, see a professional) made
 * it moot.
 */
public enum ProposalDecision {
    PENDING, ACCEPTED, DECLINED, WITHDRAWN
}
