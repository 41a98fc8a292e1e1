package org.backtrack.routine.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A patient's recent feedback per exercise and red flags, as learnt from session events and red-flag alerts, bounded
 * whatever arrives: at most {@link #MAX_EXERCISES} exercises of {@link #MAX_ENTRIES_PER_EXERCISE} entries each, the
 * versions of the last {@link #MAX_SESSIONS} sessions, {@link #MAX_RED_FLAGS} red flags. Applying the same event again
 * changes nothing; a correction of a session replaces what its earlier version said, and an older version arriving
 * after a newer one is ignored.
 *
 * @param sessions  the version applied of each recent session
 * @param exercises feedback per exercise, the exercise with the newest feedback first
 * @param redFlags  red-flag sessions and red-flag alerts, newest first
 */
public record FeedbackHistory(List<SessionVersion> sessions, List<ExerciseFeedback> exercises, List<RedFlag> redFlags) {

    public static final int MAX_ENTRIES_PER_EXERCISE = 6;
    public static final int MAX_EXERCISES = 100;
    public static final int MAX_SESSIONS = 200;
    public static final int MAX_RED_FLAGS = 50;
    public static final FeedbackHistory EMPTY = new FeedbackHistory(List.of(), List.of(), List.of());

    private static final Comparator<FeedbackEntry> NEWEST_FIRST = Comparator.comparing(FeedbackEntry::completedAt)
            .thenComparing(FeedbackEntry::sessionId).reversed();

    public FeedbackHistory {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        exercises = exercises == null ? List.of() : List.copyOf(exercises);
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    }

    /** @param version orders the versions of one session (see {@link ReportedSession#version()}) */
    public record SessionVersion(String sessionId, Instant completedAt, Instant version) {
    }

    /**
     * A red flag: reported in a session, and the alert progress-service raised for it once known. Open until that
     * alert is resolved (for a red flag only a clinician's acknowledgement resolves it).
     *
     * @param sessionId null for an alert whose resolution arrived before anything else was known of it
     * @param alertId   null while no alert for the session is known
     */
    public record RedFlag(String sessionId, String alertId, boolean resolved, Instant at) {
    }

    /** Whether a red flag is open: one reported in a session and not resolved by a clinician yet. */
    public boolean redFlagOpen() {
        return redFlags.stream().anyMatch(flag -> !flag.resolved());
    }

    public FeedbackHistory withSession(ReportedSession session) {
        var seen = sessions.stream().filter(s -> s.sessionId().equals(session.sessionId())).findFirst();
        if (seen.isPresent() && !session.version().isAfter(seen.get().version())) {
            return this; // the same version again, or an older one arriving late
        }
        List<SessionVersion> versions = new ArrayList<>(sessions.stream().filter(s -> !s.sessionId().equals(session.sessionId())).toList());
        versions.add(new SessionVersion(session.sessionId(), session.completedAt(), session.version()));
        versions.sort(Comparator.comparing(SessionVersion::completedAt).thenComparing(SessionVersion::sessionId).reversed());

        Map<String, List<FeedbackEntry>> byExercise = new LinkedHashMap<>();
        for (ExerciseFeedback exercise : exercises) {
            byExercise.put(exercise.exerciseId(), new ArrayList<>(exercise.entries().stream()
                    .filter(e -> !e.sessionId().equals(session.sessionId())).toList()));
        }
        for (var entry : entriesOf(session).entrySet()) {
            byExercise.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue());
        }
        List<ExerciseFeedback> kept = new ArrayList<>();
        for (var exercise : byExercise.entrySet()) {
            List<FeedbackEntry> entries = exercise.getValue();
            entries.sort(NEWEST_FIRST);
            if (!entries.isEmpty()) {
                kept.add(new ExerciseFeedback(exercise.getKey(), entries.subList(0, Math.min(entries.size(), MAX_ENTRIES_PER_EXERCISE))));
            }
        }
        kept.sort(Comparator.comparing((ExerciseFeedback f) -> f.entries().get(0).completedAt()).reversed()
                .thenComparing(ExerciseFeedback::exerciseId));

        List<RedFlag> flags = new ArrayList<>(redFlags);
        var known = flags.stream().filter(f -> session.sessionId().equals(f.sessionId())).findFirst();
        if (session.redFlag() && known.isEmpty()) {
            flags.add(new RedFlag(session.sessionId(), null, false, session.completedAt()));
        } else if (!session.redFlag() && known.isPresent() && known.get().alertId() == null) {
            flags.remove(known.get()); // corrected before any alert: progress-service raises none either
        }
        return new FeedbackHistory(versions.subList(0, Math.min(versions.size(), MAX_SESSIONS)),
                kept.subList(0, Math.min(kept.size(), MAX_EXERCISES)), bounded(flags));
    }

    /** progress-service raised a red-flag alert for a session. */
    public FeedbackHistory withRedFlagRaised(String alertId, String sessionId, Instant at) {
        List<RedFlag> flags = new ArrayList<>(redFlags);
        var byAlert = flags.stream().filter(f -> alertId.equals(f.alertId())).findFirst();
        var bySession = flags.stream().filter(f -> sessionId != null && sessionId.equals(f.sessionId()) && f.alertId() == null).findFirst();
        if (byAlert.isPresent() && (byAlert.get().sessionId() != null || sessionId == null)) {
            return this; // known already
        }
        byAlert.ifPresent(flags::remove); // its resolution came first: now its session is known too
        bySession.ifPresent(flags::remove);
        flags.add(new RedFlag(sessionId, alertId, byAlert.map(RedFlag::resolved).orElse(false), at));
        return new FeedbackHistory(sessions, exercises, bounded(flags));
    }

    /** A red-flag alert was resolved: a clinician acknowledged it. */
    public FeedbackHistory withRedFlagResolved(String alertId, Instant at) {
        List<RedFlag> flags = new ArrayList<>(redFlags);
        var known = flags.stream().filter(f -> alertId.equals(f.alertId())).findFirst();
        if (known.isPresent() && known.get().resolved()) {
            return this;
        }
        known.ifPresent(flags::remove);
        flags.add(new RedFlag(known.map(RedFlag::sessionId).orElse(null), alertId, true, known.map(RedFlag::at).orElse(at)));
        return new FeedbackHistory(sessions, exercises, bounded(flags));
    }

    /** The exercises of a session with what was said of each; an exercise listed twice counts once (hurt if either says so). */
    private static Map<String, FeedbackEntry> entriesOf(ReportedSession session) {
        Map<String, FeedbackEntry> entries = new LinkedHashMap<>();
        for (ReportedSession.Exercise exercise : session.exercises()) {
            FeedbackEntry before = entries.get(exercise.exerciseId());
            entries.put(exercise.exerciseId(), new FeedbackEntry(session.sessionId(), session.completedAt(),
                    before != null && before.felt() != null ? before.felt() : exercise.felt(),
                    exercise.hurt() || (before != null && before.hurt())));
        }
        return entries;
    }

    /** The newest red flags, open ones kept before resolved ones when there are too many. */
    private static List<RedFlag> bounded(List<RedFlag> flags) {
        flags.sort(Comparator.comparing(RedFlag::at).reversed());
        List<RedFlag> kept = new ArrayList<>(flags.stream().filter(f -> !f.resolved()).toList());
        flags.stream().filter(RedFlag::resolved).forEach(kept::add);
        kept = new ArrayList<>(kept.subList(0, Math.min(kept.size(), MAX_RED_FLAGS)));
        kept.sort(Comparator.comparing(RedFlag::at).reversed());
        return kept;
    }

    /** The feedback on one exercise, if any is kept. */
    public ExerciseFeedback of(String exerciseId) {
        return exercises.stream().filter(e -> Objects.equals(e.exerciseId(), exerciseId)).findFirst()
                .orElse(new ExerciseFeedback(exerciseId, List.of()));
    }
}
