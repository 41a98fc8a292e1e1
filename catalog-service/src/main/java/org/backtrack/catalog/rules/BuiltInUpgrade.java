package org.backtrack.catalog.rules;

/**
 * Decides what loading an entry of the content file does to the stored exercise with the same id. The file is the
 * curated source: it replaces a built-in entry whose text is based on an older file version, or on none (created
 * through the API, or edited before edits kept their base version). An entry based on the same or a newer version
 * (an administrator's edit of the current content included) is kept, so a restart never undoes an edit.
 */
public final class BuiltInUpgrade {

    public enum Decision {
        /** Nothing stored under the id: write the file's entry. */
        INSERT,
        /** The stored entry is older than the file: write the file's text as its next version. */
        REPLACE,
        /** The stored entry is current (or a clinic's): leave it. */
        KEEP
    }

    private BuiltInUpgrade() {
    }

    /**
     * @param storedContentVersion the content version the stored entry is based on; null when based on none
     */
    public static Decision decide(boolean stored, boolean storedBuiltIn, Integer storedContentVersion, int fileContentVersion) {
        if (!stored) {
            return Decision.INSERT;
        }
        if (!storedBuiltIn) {
            return Decision.KEEP;
        }
        int base = storedContentVersion == null ? 0 : storedContentVersion;
        return base < fileContentVersion ? Decision.REPLACE : Decision.KEEP;
    }
}
