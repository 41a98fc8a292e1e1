/** HTTP adapter of routine composition. */
package org.backtrack.routine.routines.web;
