/** The alert API: a clinic's inbox, a patient's alerts, one alert, its acknowledgement, and the alert vocabulary. */
package org.backtrack.progress.alerts.web;
