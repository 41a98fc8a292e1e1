/** What every HTTP adapter of progress-service shares: its one problem advice. */
package org.backtrack.progress.web;
