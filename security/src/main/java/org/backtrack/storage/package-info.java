/**
 * Storage patterns every BackTrack service shares: the guarded single-document read-modify-write
 * ({@link org.backtrack.storage.GuardedWrite}).
 */
package org.backtrack.storage;
