/** Loading the built-in content file at start, as the upgrade rule decides. */
package org.backtrack.catalog.content;
