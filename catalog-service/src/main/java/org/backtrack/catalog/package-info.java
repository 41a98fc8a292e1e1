/** catalog-service: the stretch and exercise library with dosage, steps, cautions and progressions. */
package org.backtrack.catalog;
