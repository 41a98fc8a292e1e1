/**
 * Read side: a patient's progress document (series windowed by days, everything else over the whole history) and the
 * clinic overview, paged from the stored per-patient summaries.
 */
package org.backtrack.progress.patients;
