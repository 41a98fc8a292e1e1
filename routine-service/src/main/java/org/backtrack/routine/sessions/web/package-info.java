/** HTTP adapter of session logging. */
package org.backtrack.routine.sessions.web;
