/** Patient programs: the current stage and focus, and the progression proposals a clinician accepts or declines. */
package org.backtrack.routine.programs;
