/**
 * Rate limits on the API: which quotas a request counts against (its verified person or client and clinic, else its
 * address), the buckets that hold them, and the filter that answers 429.
 */
package org.backtrack.gateway.ratelimit;
