/**
 * The rules of the FHIR search parameters in plain Java: which instants a {@code date} search covers, which patient a
 * {@code patient} reference names, how many results a page holds. No framework and no FHIR library here.
 */
package org.backtrack.progress.fhir.rules;
