/**
 * The embedded default: one command starts a real Kafka broker (KRaft) and a MongoDB-wire server persisting to
 * disk, then the four services as child JVMs, and seeds a demo clinic through the public API.
 */
package org.backtrack.devstack;
