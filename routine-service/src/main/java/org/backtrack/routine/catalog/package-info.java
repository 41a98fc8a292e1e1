/** routine-service's access to catalog-service: OpenFeign through LoadBalancer behind a circuit breaker, with a local copy. */
package org.backtrack.routine.catalog;
