/** Routine composition: the rules that turn a time budget and a patient's program into an ordered plan. Plain Java. */
package org.backtrack.routine.composition;
