/** The rate limits at the gateway's door: the filter that charges each API request and answers 429, and its settings. */
package org.backtrack.gateway.ratelimit.web;
