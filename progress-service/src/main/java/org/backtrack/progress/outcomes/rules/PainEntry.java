package org.backtrack.progress.outcomes.rules;

import java.time.Instant;

/** What the outcome rules need of one stored session: whose it is, when it was completed, and the pain before it (NPRS 0-10). */
public record PainEntry(String patientId, Instant completedAt, int painBefore) {
}
