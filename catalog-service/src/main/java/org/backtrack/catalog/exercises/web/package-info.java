/** HTTP adapter of the exercise library. */
package org.backtrack.catalog.exercises.web;
