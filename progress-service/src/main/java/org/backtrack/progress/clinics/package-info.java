/**
 * A clinic's own settings kept by progress-service: its time zone, which decides the calendar day of every day counted
 * for the clinic ({@link org.backtrack.progress.assessment.CalendarDays}, the one day rule). UTC until an administrator
 * sets one.
 */
package org.backtrack.progress.clinics;
