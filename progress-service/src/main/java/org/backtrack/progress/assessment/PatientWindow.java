package org.backtrack.progress.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The bounded per-patient read model the rules run on: the sessions of the first week (the baseline) and of the
 * last {@link #RECENT} (the trend window and alerts). Its size does not grow with the patient's history, so the
 * work per event stays constant.
 * <p>
 * Every change is idempotent and order-independent: applying a session puts its current version in place of
 * any earlier one with the same id, and the result depends only on the set of sessions applied, never on their
 * order. That makes redeliveries harmless and lets a rebuild from the raw sessions reproduce the model exactly.
 * A correction that moves the first or the latest session later or earlier than the windows can follow asks for
 * a recomputation from the raw sessions instead ({@link #apply} returns empty).
 */
public record PatientWindow(String patientId, String clinicId, Instant firstAt, Instant latestAt,
                            List<PainReading> baseline, List<PainReading> recent) {

    public static final Duration BASELINE = Duration.ofDays(7);
    public static final Duration RECENT = Duration.ofDays(42);

    private static final Comparator<PainReading> CHRONOLOGICAL =
            Comparator.comparing(PainReading::completedAt).thenComparing(PainReading::sessionId);

    public PatientWindow {
        baseline = List.copyOf(baseline);
        recent = List.copyOf(recent);
    }

    public static PatientWindow empty(String patientId, String clinicId) {
        return new PatientWindow(patientId, clinicId, null, null, List.of(), List.of());
    }

    /** The model of a set of sessions, built from scratch: what a rebuild computes. */
    public static PatientWindow of(String patientId, String clinicId, Collection<PainReading> sessions) {
        PatientWindow window = empty(patientId, clinicId);
        for (PainReading session : sessions) {
            window = window.withSession(session);
        }
        return window;
    }

    /**
     * Applies the current version of a session.
     *
     * @return the updated model, or empty when only a recomputation from the raw sessions can be exact
     */
    public Optional<PatientWindow> apply(PainReading session) {
        Optional<PainReading> known = find(session.sessionId());
        if (known.isPresent()) {
            Instant before = known.get().completedAt();
            boolean firstMovesLater = before.equals(firstAt) && session.completedAt().isAfter(before);
            boolean latestMovesEarlier = before.equals(latestAt) && session.completedAt().isBefore(before);
            if (firstMovesLater || latestMovesEarlier) {
                return Optional.empty();
            }
        }
        return Optional.of(without(session.sessionId()).withSession(session));
    }

    private PatientWindow withSession(PainReading session) {
        Instant first = firstAt == null || session.completedAt().isBefore(firstAt) ? session.completedAt() : firstAt;
        Instant latest = latestAt == null || session.completedAt().isAfter(latestAt) ? session.completedAt() : latestAt;
        List<PainReading> newBaseline = merge(baseline, session, r -> r.completedAt().isBefore(first.plus(BASELINE)));
        List<PainReading> newRecent = merge(recent, session, r -> r.completedAt().isAfter(latest.minus(RECENT)));
        return new PatientWindow(patientId, clinicId, first, latest, newBaseline, newRecent);
    }

    private PatientWindow without(String sessionId) {
        return new PatientWindow(patientId, clinicId, firstAt, latestAt,
                baseline.stream().filter(r -> !r.sessionId().equals(sessionId)).toList(),
                recent.stream().filter(r -> !r.sessionId().equals(sessionId)).toList());
    }

    private static List<PainReading> merge(List<PainReading> current, PainReading session,
                                           java.util.function.Predicate<PainReading> keep) {
        List<PainReading> merged = new ArrayList<>(current.size() + 1);
        for (PainReading reading : current) {
            if (!reading.sessionId().equals(session.sessionId()) && keep.test(reading)) {
                merged.add(reading);
            }
        }
        if (keep.test(session)) {
            merged.add(session);
        }
        merged.sort(CHRONOLOGICAL);
        return merged;
    }

    private Optional<PainReading> find(String sessionId) {
        return java.util.stream.Stream.concat(baseline.stream(), recent.stream())
                .filter(r -> r.sessionId().equals(sessionId)).findFirst();
    }

    public boolean isEmpty() {
        return firstAt == null;
    }
}
