/** Trend, status and suggestion rules: plain Java, no Spring or MongoDB, unit-tested case by case. */
package org.backtrack.progress.assessment;
