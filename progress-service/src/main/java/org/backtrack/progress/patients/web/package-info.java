/** HTTP adapter of the read side. */
package org.backtrack.progress.patients.web;
