/** Session logging: validate, store, publish {@code backtrack.session.completed.v1} keyed by patient. */
package org.backtrack.routine.sessions;
