/** Publishes {@code backtrack.progress} events when a patient's status, suggestion or alerts change. */
package org.backtrack.progress.publication;
