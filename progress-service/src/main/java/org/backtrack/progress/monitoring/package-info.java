/**
 * Monitoring days (issue 21): for each 30-day period from a patient's monitoring start, the days with data in the
 * clinic's time zone and the session that qualified each, worked out at read time from the raw stored sessions
 * ({@link org.backtrack.progress.sessions.RecordedSessions}) by {@link org.backtrack.progress.monitoring.rules.MonitoringPeriods},
 * so an answer always equals a recomputation.
 */
package org.backtrack.progress.monitoring;
