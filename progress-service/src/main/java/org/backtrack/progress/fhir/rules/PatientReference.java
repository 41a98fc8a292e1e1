package org.backtrack.progress.fhir.rules;

import org.backtrack.events.Identifiers;

import java.util.List;

/**
 * Which patient a FHIR {@code patient} search parameter names: the id alone ({@code patient=patient-42}) or a relative
 * reference ({@code patient=Patient/patient-42}). The id obeys BackTrack's identifier rule ({@link Identifiers}), so
 * {@code Patient/../x}, an absolute URL, another resource type or a second {@code /} is refused. It says nothing about
 * whether the caller may see the patient: that is decided afterwards, with the caller's clinic.
 */
public final class PatientReference {

    public static final String PARAMETER = "patient";
    private static final String PREFIX = "Patient/";

    private PatientReference() {
    }

    /**
     * @param values every value the request gave the parameter
     * @throws InvalidSearchException unless exactly one value names one patient
     */
    public static String patientId(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidSearchException(PARAMETER, "is required (patient=<id> or patient=Patient/<id>)");
        }
        if (values.size() > 1) {
            throw new InvalidSearchException(PARAMETER, "must be given once");
        }
        return idOf(values.get(0));
    }

    /** The patient id of one value, or the value itself when it is a plain id. */
    public static String idOf(String value) {
        String id = value != null && value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : value;
        if (!Identifiers.isValid(id)) {
            throw new InvalidSearchException(PARAMETER, "must be a patient id or Patient/<id>; an id " + Identifiers.RULE);
        }
        return id;
    }

    /** Whether {@code value} is a well-formed {@code patient} value (the HTTP edge checks it before any handler runs). */
    public static boolean isValid(String value) {
        String id = value != null && value.startsWith(PREFIX) ? value.substring(PREFIX.length()) : value;
        return Identifiers.isValid(id);
    }
}
