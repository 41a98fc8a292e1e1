/**
 * The event outbox every BackTrack producer shares: a written document owes its event in the same single-document
 * write, the request tries to deliver it within the publish timeout, and a relay delivers what is still owed, oldest
 * first, once the broker is back. No multi-document transaction is needed.
 */
package org.backtrack.outbox;
