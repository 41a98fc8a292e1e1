/**
 * The one dead-letter mechanism of every BackTrack consumer: what retrying cannot fix goes to {@code <topic>-dlt} at
 * once with its reason, bounded ({@link org.backtrack.events.DeadLetterContent}); what may heal is retried; and a
 * dead letter that cannot be written stalls its partition visibly (paused, readiness DOWN, a metric, an ERROR log)
 * instead of looping. Services import {@link org.backtrack.deadletters.DeadLetterConfiguration}.
 */
package org.backtrack.deadletters;
