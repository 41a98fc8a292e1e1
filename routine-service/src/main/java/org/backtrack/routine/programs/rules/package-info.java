/**
 * The rules of patient programs in plain Java: what a progress event does to a program. No framework here; the
 * program's storage and the Kafka listener sit around it.
 */
package org.backtrack.routine.programs.rules;
