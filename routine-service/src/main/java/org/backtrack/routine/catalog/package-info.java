/**
 * routine-service's access to catalog-service: OpenFeign through LoadBalancer behind a circuit breaker, with the shared
 * catalog view (fed by {@code backtrack.catalog}) standing in when the catalog is away.
 */
package org.backtrack.routine.catalog;
