/** The per-patient read model: maintained incrementally from sessions, rebuildable from the raw sessions. */
package org.backtrack.progress.readmodel;
