/** The topics every service declares: their settings and the contract's size bound. */
package org.backtrack.topics;
