/** The gateway's problem documents (RFC 9457): its own errors and a route's service that is down, starting or slow. */
package org.backtrack.gateway.problems;
