package org.backtrack.catalog.web;

/** Strong ETags from exercise versions, and the version an If-Match header asks for. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @throws PreconditionRequiredException without If-Match (428)
     * @throws org.backtrack.catalog.exercises.ClinicExercises.StaleVersionException when it cannot match (412)
     */
    static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            return -1; // matches no version: 412
        }
    }

    static final class PreconditionRequiredException extends RuntimeException {
        PreconditionRequiredException() {
            super("Send If-Match with the ETag of the version you read, so that concurrent edits are not lost.");
        }
    }
}
