/** The monitoring-day endpoints: a patient's periods and the clinic's list, at risk of missing 16 days first. */
package org.backtrack.progress.monitoring.web;
