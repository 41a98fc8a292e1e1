/** Read side: a patient's progress document and the clinic overview, assessed from the recorded sessions. */
package org.backtrack.progress.patients;
