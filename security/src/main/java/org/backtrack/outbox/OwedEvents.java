package org.backtrack.outbox;

import java.time.Instant;
import java.util.List;

/** The documents that owe an event, each holding the publication state of its current version. */
public interface OwedEvents<T> {

    /**
     * Moves the publication of this document version from one state to another in one guarded write.
     *
     * @return false when another sender claimed it, or a newer version replaced it, first
     */
    boolean transition(T owed, Publication from, Publication to);

    /**
     * {@link #transition} for several documents in one round trip; a document another sender claimed, or a newer
     * version replaced, is left as it is.
     */
    default void transitionAll(List<T> owed, Publication from, Publication to) {
        owed.forEach(o -> transition(o, from, to));
    }

    /** Documents whose event is owed, oldest change first; claims made before {@code staleClaim} count as owed again. */
    List<T> owed(Instant staleClaim, int limit);

    /** How many documents owe their event now (pending or being sent): read on a metrics scrape, not per event. */
    long countOwed();

    /** The state as read with the document. */
    Publication publicationOf(T owed);
}
