package org.backtrack.storage;

import org.springframework.dao.DuplicateKeyException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * BackTrack's one optimistic read-modify-write: read a document, decide in memory, write it back guarded by what was
 * read (its version or event id), and start again when another writer got there first. Single-document writes only,
 * so it needs no transaction (the embedded MongoDB-wire server has none).
 */
public final class GuardedWrite {

    /** One read-decide-write round. */
    @FunctionalInterface
    public interface Attempt<T> {
        /** @return the result, or empty when the guarded write lost the race (it matched nothing, or the id was taken) */
        Optional<T> run();
    }

    private GuardedWrite() {
    }

    /**
     * Runs attempts until one wins, at most {@code maxAttempts}.
     *
     * @param exhausted the failure when every attempt lost (writers kept changing the document)
     */
    public static <T> T retry(int maxAttempts, Supplier<? extends RuntimeException> exhausted, Attempt<T> attempt) {
        for (int round = 1; round <= maxAttempts; round++) {
            Optional<T> result = attempt.run();
            if (result.isPresent()) {
                return result.get();
            }
        }
        throw exhausted.get();
    }

    /** An insert of a document that was missing when read: empty when another writer created it meanwhile. */
    public static <T> Optional<T> insert(Supplier<T> insert) {
        try {
            return Optional.of(insert.get());
        } catch (DuplicateKeyException raced) {
            return Optional.empty();
        }
    }
}
