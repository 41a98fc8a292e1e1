/**
 * The monitoring-day rules in plain Java (no Spring, MongoDB, Kafka or Jackson): which 30-day period a day falls in,
 * which days of a period have data and which session qualified each, and whether the 2- and 16-day thresholds are
 * reached, still reachable or lost. The adapters in {@code org.backtrack.progress.monitoring} feed them the raw stored
 * sessions and the clinic's calendar days.
 */
package org.backtrack.progress.monitoring.rules;
