package org.backtrack.progress.alerts.rules;

import org.backtrack.events.ProgressStatus;

import java.time.Instant;

/**
 * One session just applied to a patient's read model, with what the rules need around it.
 *
 * @param previousPainBefore pain before the session just before this one by {@code completedAt}, when the read model
 *                           holds one
 * @param latest             this session is the patient's latest by {@code completedAt} (a late-synced older session
 *                           is not)
 * @param latestSessionId    the patient's latest session after this one was applied
 * @param status             the patient's status as of the latest session, after this one was applied
 */
public record SessionStep(String clinicId, String patientId, SessionFacts session, Integer previousPainBefore,
                          boolean latest, String latestSessionId, Instant latestAt, ProgressStatus status) {
}
