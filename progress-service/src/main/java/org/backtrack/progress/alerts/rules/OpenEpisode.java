package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertType;

import java.time.Instant;

/**
 * A tracked alert that has not resolved: at most one per patient and type ({@link AlertLifecycle#tracked}).
 *
 * @param since when the episode began: the session that raised it, or the last session before an absence
 * @param level the pain before the spike, for a {@link AlertType#PAIN_SPIKE}; null otherwise
 */
public record OpenEpisode(AlertType type, String alertId, String episode, Instant since, Integer level) {
}
