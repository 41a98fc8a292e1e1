/** HTTP adapter of feedback per exercise: what a clinician reads of a patient's feedback. */
package org.backtrack.routine.feedback.web;
