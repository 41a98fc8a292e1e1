package org.backtrack.outbox;

/**
 * Where the event a document owes stands. PENDING: owed (written with the document); PUBLISHING: a sender has claimed
 * it; PUBLISHED: the broker acknowledged it.
 */
public enum Publication {
    PENDING, PUBLISHING, PUBLISHED
}
