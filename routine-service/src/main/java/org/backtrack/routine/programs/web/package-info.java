/** HTTP adapter of patient programs and progression proposals. */
package org.backtrack.routine.programs.web;
