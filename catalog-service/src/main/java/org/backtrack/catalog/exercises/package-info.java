/** Exercises: the content model, its built-in library and the queries over it. */
package org.backtrack.catalog.exercises;
