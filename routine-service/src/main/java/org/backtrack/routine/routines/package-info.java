/**
 * Composed routines: stored per patient of a clinic, each with the request it answered and where its catalog came
 * from. Ids are server-made, and every read is confined to the caller's clinic.
 */
package org.backtrack.routine.routines;
