package org.backtrack.progress.fhir.rules;

/** A search parameter the FHIR API cannot use: answered 400 with an OperationOutcome naming the parameter. */
public class InvalidSearchException extends RuntimeException {

    private final String parameter;

    public InvalidSearchException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    /** The search parameter at fault ({@code patient}, {@code date}, {@code _count}, {@code _cursor}). */
    public String parameter() {
        return parameter;
    }
}
