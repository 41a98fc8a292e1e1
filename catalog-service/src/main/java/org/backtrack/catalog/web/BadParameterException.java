package org.backtrack.catalog.web;

/** A query parameter or header with a value the API cannot use. */
final class BadParameterException extends RuntimeException {

    final String field;
    final String reason;

    BadParameterException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }
}
