/** What every HTTP adapter of routine-service shares: problem documents for requests with bad fields. */
package org.backtrack.routine.web;
