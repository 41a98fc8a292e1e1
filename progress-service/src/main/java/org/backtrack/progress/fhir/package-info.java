/**
 * The FHIR R4 view of progress-service's data (issue 20): pain readings and red-flag symptoms as Observations, a
 * patient's program and latest routine as a CarePlan (asked of routine-service), and the CapabilityStatement. The
 * mapping classes build HAPI FHIR's R4 model; which instants, patients and page sizes a search means are
 * {@code fhir.rules}; the HTTP edge is {@code fhir.web}. See docs/integration.md.
 */
package org.backtrack.progress.fhir;
