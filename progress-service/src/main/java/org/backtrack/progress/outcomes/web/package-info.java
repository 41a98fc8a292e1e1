/** HTTP adapter of the clinic outcomes. */
package org.backtrack.progress.outcomes.web;
