/** The per-clinic ingress topics: records an integration principal wrote for its own clinic, checked and forwarded. */
package org.backtrack.progress.ingress;
