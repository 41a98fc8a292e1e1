/**
 * The fault and load harness: a load generator that logs sessions through the HTTP API and straight onto
 * {@code backtrack.sessions}, the raw-pipeline baseline, the reconciliation that proves nothing was lost or counted
 * twice, and {@link org.backtrack.bench.Bench}, the command behind {@code ./backtrack bench}.
 */
package org.backtrack.bench;
