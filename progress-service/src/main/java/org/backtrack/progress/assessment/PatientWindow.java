package org.backtrack.progress.assessment;

import org.backtrack.events.SessionLimits;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The bounded per-patient read model the rules run on: the sessions of the first week (the baseline) and of the
 * last {@link #RECENT} (the trend window and alerts). Its size is bounded whatever the patient sends, far below
 * MongoDB's 16 MiB document limit (about 1 MiB at most, see docs/analytics.md):
 * <ul>
 *   <li>at most {@link #MAX_READINGS_PER_DAY} readings per UTC day ({@link CalendarDays#UTC}) in each of the two
 *       lists, the latest of that day (and the patient's first session, which anchors the baseline): the contract's
 *       daily limit, which the contract counts in UTC days ({@code SessionLimits}), so only sessions stored before that
 *       limit existed can ever be left out. The bound is a storage bound, not an analytics count: it stays in UTC
 *       whatever the clinic's time zone, so the window holds the same readings in every zone and never needs
 *       rebuilding when a clinic changes its zone (the rules fold the readings into the clinic's days,
 *       {@link ProgressAssessor#assess(PatientWindow, ExerciseCatalog, Instant, CalendarDays)});</li>
 *   <li>exercise ids only on the readings of the last {@link #EXERCISES_KEPT} (the only ones the stage and focus rules
 *       look at), at most {@link #MAX_EXERCISES_PER_READING} per reading, the first the session lists: an id is
 *       not copied into every reading of six weeks, and ids no rule reads are not kept.</li>
 * </ul>
 * Every change is idempotent and order-independent: applying a session puts its current version in place of
 * any earlier one with the same id, and the result depends only on the set of sessions applied, never on their
 * order ({@link #of} is the definition). That makes redeliveries harmless and lets a rebuild from the raw sessions
 * reproduce the model exactly. When an update could change what the model keeps in a way it cannot see (the first or
 * the latest session moving, a day that may have more readings than it keeps), {@link #apply} asks for a
 * recomputation from the raw sessions instead (returns empty).
 */
public record PatientWindow(String patientId, String clinicId, Instant firstAt, Instant latestAt,
                            List<PainReading> baseline, List<PainReading> recent) {

    public static final Duration BASELINE = Duration.ofDays(7);
    public static final Duration RECENT = Duration.ofDays(42);
    public static final int MAX_READINGS_PER_DAY = SessionLimits.MAX_SESSIONS_PER_PATIENT_PER_DAY;
    public static final Duration EXERCISES_KEPT = ProgressAssessor.STAGE_LOOKBACK;
    public static final int MAX_EXERCISES_PER_READING = 30;

    private static final Comparator<PainReading> CHRONOLOGICAL =
            Comparator.comparing(PainReading::completedAt).thenComparing(PainReading::sessionId);

    public PatientWindow {
        baseline = List.copyOf(baseline);
        recent = List.copyOf(recent);
    }

    public static PatientWindow empty(String patientId, String clinicId) {
        return new PatientWindow(patientId, clinicId, null, null, List.of(), List.of());
    }

    /** The model of a set of sessions (the last version of each id), built from scratch: what a rebuild computes. */
    public static PatientWindow of(String patientId, String clinicId, Collection<PainReading> sessions) {
        Map<String, PainReading> current = new LinkedHashMap<>();
        sessions.forEach(s -> current.put(s.sessionId(), s));
        if (current.isEmpty()) {
            return empty(patientId, clinicId);
        }
        PainReading firstSession = current.values().stream().min(CHRONOLOGICAL).orElseThrow();
        Instant first = firstSession.completedAt();
        Instant latest = current.values().stream().map(PainReading::completedAt).max(Comparator.naturalOrder()).orElseThrow();
        List<PainReading> baseline = kept(current.values(), inBaseline(first), latest);
        if (baseline.stream().noneMatch(r -> r.sessionId().equals(firstSession.sessionId()))) {
            // kept even when its day is over the limit: a correction of it must find it here (see apply)
            baseline = new ArrayList<>(baseline);
            baseline.add(0, trimmed(firstSession, latest));
        }
        return new PatientWindow(patientId, clinicId, first, latest, baseline, kept(current.values(), inRecent(latest), latest));
    }

    /**
     * Applies the current version of a session.
     *
     * @return the updated model, or empty when only a recomputation from the raw sessions can be exact
     */
    public Optional<PatientWindow> apply(PainReading session) {
        Optional<PainReading> known = find(session.sessionId());
        if (mayBeFull(day(session)) || known.map(k -> mayBeFull(day(k))).orElse(false)) {
            return Optional.empty(); // which readings of that day are kept depends on ones the model does not hold
        }
        if (known.isPresent()) {
            Instant before = known.get().completedAt();
            boolean firstMovesLater = before.equals(firstAt) && session.completedAt().isAfter(before);
            boolean latestMovesEarlier = before.equals(latestAt) && session.completedAt().isBefore(before);
            if (firstMovesLater || latestMovesEarlier) {
                return Optional.empty();
            }
        }
        if (firstAt != null && session.completedAt().isBefore(firstAt) && baselineHasFullDay()) {
            // an earlier first, new or a correction of a known session, shifts the baseline's end earlier: the
            // readings of a full day that it kept at its end may leave, and ones it left out come back
            return Optional.empty();
        }
        return Optional.of(without(session.sessionId()).withSession(session));
    }

    private PatientWindow withSession(PainReading session) {
        Instant first = firstAt == null || session.completedAt().isBefore(firstAt) ? session.completedAt() : firstAt;
        Instant latest = latestAt == null || session.completedAt().isAfter(latestAt) ? session.completedAt() : latestAt;
        List<PainReading> newBaseline = merge(baseline, session, inBaseline(first), latest);
        List<PainReading> newRecent = merge(recent, session, inRecent(latest), latest);
        return new PatientWindow(patientId, clinicId, first, latest, newBaseline, newRecent);
    }

    private PatientWindow without(String sessionId) {
        return new PatientWindow(patientId, clinicId, firstAt, latestAt,
                baseline.stream().filter(r -> !r.sessionId().equals(sessionId)).toList(),
                recent.stream().filter(r -> !r.sessionId().equals(sessionId)).toList());
    }

    private static Predicate<PainReading> inBaseline(Instant first) {
        return r -> r.completedAt().isBefore(first.plus(BASELINE));
    }

    private static Predicate<PainReading> inRecent(Instant latest) {
        return r -> r.completedAt().isAfter(latest.minus(RECENT));
    }

    /** The readings in range, at most {@link #MAX_READINGS_PER_DAY} per day (the latest), trimmed, in time order. */
    private static List<PainReading> kept(Collection<PainReading> readings, Predicate<PainReading> inRange, Instant latest) {
        Map<LocalDate, List<PainReading>> byDay = new TreeMap<>();
        readings.stream().filter(inRange).forEach(r -> byDay.computeIfAbsent(day(r), d -> new ArrayList<>()).add(r));
        List<PainReading> kept = new ArrayList<>();
        byDay.values().forEach(day -> {
            day.sort(CHRONOLOGICAL);
            day.subList(Math.max(0, day.size() - MAX_READINGS_PER_DAY), day.size()).forEach(r -> kept.add(trimmed(r, latest)));
        });
        kept.sort(CHRONOLOGICAL);
        return kept;
    }

    private static List<PainReading> merge(List<PainReading> current, PainReading session, Predicate<PainReading> keep,
                                           Instant latest) {
        List<PainReading> merged = new ArrayList<>(current.size() + 1);
        for (PainReading reading : current) {
            if (!reading.sessionId().equals(session.sessionId()) && keep.test(reading)) {
                merged.add(trimmed(reading, latest));
            }
        }
        if (keep.test(session)) {
            merged.add(trimmed(session, latest));
        }
        merged.sort(CHRONOLOGICAL);
        return merged;
    }

    /** The reading with the exercise ids the rules can still read as of {@code latest}. */
    private static PainReading trimmed(PainReading reading, Instant latest) {
        List<String> ids = reading.exerciseIds();
        List<String> kept = !reading.completedAt().isAfter(latest.minus(EXERCISES_KEPT)) ? List.of()
                : ids.size() <= MAX_EXERCISES_PER_READING ? ids : ids.subList(0, MAX_EXERCISES_PER_READING);
        return kept.size() == ids.size() ? reading : reading.withExerciseIds(kept);
    }

    /** Whether either list holds as many readings on that day as it keeps: then it may have left some out. */
    private boolean mayBeFull(LocalDate day) {
        return fullInBaseline(day) || count(recent, day) >= MAX_READINGS_PER_DAY;
    }

    private boolean fullInBaseline(LocalDate day) {
        return count(baseline, day) >= MAX_READINGS_PER_DAY;
    }


    private boolean baselineHasFullDay() {
        return baseline.stream().map(PatientWindow::day).distinct().anyMatch(this::fullInBaseline);
    }

    private static long count(List<PainReading> readings, LocalDate day) {
        return readings.stream().filter(r -> day(r).equals(day)).count();
    }

    private static LocalDate day(PainReading reading) {
        return day(reading.completedAt());
    }

    /** The UTC day: the contract's daily limit's day, whatever the clinic's zone (see the class comment). */
    private static LocalDate day(Instant at) {
        return CalendarDays.UTC.dayOf(at);
    }

    private Optional<PainReading> find(String sessionId) {
        return Stream.concat(baseline.stream(), recent.stream()).filter(r -> r.sessionId().equals(sessionId)).findFirst();
    }

    public boolean isEmpty() {
        return firstAt == null;
    }
}
