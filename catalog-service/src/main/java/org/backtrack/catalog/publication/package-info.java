/** Announcing every library change on {@code backtrack.catalog} through the shared outbox. */
package org.backtrack.catalog.publication;
