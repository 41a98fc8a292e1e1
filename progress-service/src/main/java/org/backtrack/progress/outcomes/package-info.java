/**
 * Clinic outcomes (issue 21, part 2): responders against the minimal important change, median change and adherence at
 * four and eight weeks, computed at read time from the clinic's stored sessions of a window. The rules are in
 * {@code rules}, the HTTP adapter in {@code web}.
 */
package org.backtrack.progress.outcomes;
