/** The raw session store: one document per session, the source every derived number is recomputed from. */
package org.backtrack.progress.sessions;
