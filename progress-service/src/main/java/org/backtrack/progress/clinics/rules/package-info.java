/** The clinic-settings rules in plain Java (no Spring, MongoDB, Kafka or Jackson): which time zones a clinic may set. */
package org.backtrack.progress.clinics.rules;
