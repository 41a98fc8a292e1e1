/**
 * The clinic-outcome rules in plain Java (no Spring, MongoDB, Kafka or Jackson): which patients a follow-up counts
 * ({@link org.backtrack.progress.outcomes.rules.FollowUpEligibility}), who responded
 * ({@link org.backtrack.progress.outcomes.rules.ResponderRule}, with the assessment's minimal important change), how
 * adherent a patient was over the follow-up ({@link org.backtrack.progress.outcomes.rules.FollowUpAdherence}, with the
 * assessment's weekly adherence) and the clinic's counts, shares and medians
 * ({@link org.backtrack.progress.outcomes.rules.ClinicOutcomes}). Days are counted by
 * {@link org.backtrack.progress.assessment.CalendarDays}.
 */
package org.backtrack.progress.outcomes.rules;
