/**
 * Rate limits on the API, in plain Java: which quotas a request counts against (its verified person or client and
 * clinic, else its address), and the buckets that hold them.
 */
package org.backtrack.gateway.ratelimit;
