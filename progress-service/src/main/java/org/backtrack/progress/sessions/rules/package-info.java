/** The rules of recorded sessions in plain Java: which version of a corrected session stands. No framework here. */
package org.backtrack.progress.sessions.rules;
