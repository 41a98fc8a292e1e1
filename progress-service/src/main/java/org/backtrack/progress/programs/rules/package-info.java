/**
 * The program-history rules in plain Java (no Spring, MongoDB, Kafka or Jackson): whether a {@code backtrack.programs}
 * event may speak for its clinic and patient ({@link org.backtrack.progress.programs.rules.ProgramEventOrigin}), and how
 * a newer version of a program extends the patient's history ({@link org.backtrack.progress.programs.rules.ProgramTimeline}).
 */
package org.backtrack.progress.programs.rules;
