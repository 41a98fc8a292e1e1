/** progress-service's catalog: the built-in exercises of the shared catalog view, fed by {@code backtrack.catalog}. */
package org.backtrack.progress.catalog;
