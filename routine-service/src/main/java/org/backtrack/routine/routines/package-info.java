/** Composed routines: stored per patient, each with the request it answered and where its catalog came from. */
package org.backtrack.routine.routines;
