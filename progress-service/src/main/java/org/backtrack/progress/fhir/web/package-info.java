/** HTTP adapter of the FHIR R4 API: {@code /fhir/r4/...}, answers in application/fhir+json, errors as OperationOutcomes. */
package org.backtrack.progress.fhir.web;
