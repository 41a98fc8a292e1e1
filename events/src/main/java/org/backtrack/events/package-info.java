/**
 * The event contract shared by every producer and consumer: CloudEvents envelope, payload records,
 * topic names and the one validator both sides use.
 */
package org.backtrack.events;
