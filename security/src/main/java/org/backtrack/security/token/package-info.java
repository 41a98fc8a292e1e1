/** Which access tokens are accepted: signature, issuer, audience, bounded lifetime and clock skew, key refetches. */
package org.backtrack.security.token;
