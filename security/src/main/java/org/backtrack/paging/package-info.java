/** Keyset paging the same way in every service: page sizes, cursors, the Link header to the next page. */
package org.backtrack.paging;
