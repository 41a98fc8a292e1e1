/**
 * Domain gauges read from stored counts on a schedule (patients by clinic and status, alerts by type and status),
 * never per event.
 */
package org.backtrack.progress.metrics;
