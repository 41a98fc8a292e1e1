/** routine-service: composes routines, keeps patient programs and logs completed sessions. */
package org.backtrack.routine;
