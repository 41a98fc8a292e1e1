/**
 * routine-service's consumer of {@code backtrack.progress} (one consumer group, each record decoded once): status
 * changes to the patient programs, red-flag alerts to the feedback rules; its dead letters go to
 * {@code backtrack.progress-dlt}.
 */
package org.backtrack.routine.progressfeed;
