/**
 * The application layer of the library: reading it as a clinic sees it, and creating, editing and retiring exercises,
 * each change checked by the rules, stored guarded by the version read and announced.
 */
package org.backtrack.catalog.exercises;
