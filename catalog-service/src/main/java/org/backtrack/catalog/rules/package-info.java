/**
 * The rules of the library in plain Java, each named as what it decides: is a clinic's exercise valid
 * ({@link org.backtrack.catalog.rules.ExerciseRules}), is the library sound ({@link org.backtrack.catalog.rules.ContentGraph}),
 * does the content file replace a stored entry ({@link org.backtrack.catalog.rules.BuiltInUpgrade}).
 */
package org.backtrack.catalog.rules;
