/** progress-service: turns session events into per-patient pain trends, statuses and suggestions. */
package org.backtrack.progress;
