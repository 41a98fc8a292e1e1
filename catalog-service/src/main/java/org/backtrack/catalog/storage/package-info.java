/** MongoDB storage of the library: the exercise collection, its mapping and its indexes, and the events it owes. */
package org.backtrack.catalog.storage;
