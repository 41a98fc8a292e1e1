package org.backtrack.progress.alerts.rules;

import org.backtrack.events.ProgressStatus;

import java.time.Duration;
import java.time.Instant;

/** Test data: sessions a day apart from a fixed start, each arriving a minute after it happened unless said. */
final class Steps {

    static final String CLINIC = "clinic-7";
    static final String PATIENT = "patient-42";
    static final Instant DAY_0 = Instant.parse("2026-11-01T08:00:00Z");

    private Steps() {
    }

    static Instant day(int day) {
        return DAY_0.plus(Duration.ofDays(day));
    }

    static SessionFacts session(int day, int painBefore) {
        return new SessionFacts("s-" + day, day(day), day(day).plusSeconds(60), painBefore, false, false, false, false);
    }

    static SessionFacts sharp(int day, int painBefore) {
        return new SessionFacts("s-" + day, day(day), day(day).plusSeconds(60), painBefore, true, false, false, false);
    }

    static SessionFacts numb(int day, int painBefore) {
        return new SessionFacts("s-" + day, day(day), day(day).plusSeconds(60), painBefore, false, false, true, false);
    }

    static SessionFacts arrivingLate(SessionFacts session, Duration late) {
        return new SessionFacts(session.sessionId(), session.completedAt(), session.completedAt().plus(late), session.painBefore(),
                session.sharpPain(), session.radiatingPain(), session.numbness(), session.nightPain());
    }

    /** The session as the patient's latest, after one with {@code previous} pain before (null: the first). */
    static SessionStep latest(SessionFacts session, Integer previous, ProgressStatus status) {
        return new SessionStep(CLINIC, PATIENT, session, previous, true, session.sessionId(), session.completedAt(), status);
    }

    static SessionStep latest(SessionFacts session, Integer previous) {
        return latest(session, previous, ProgressStatus.IMPROVING);
    }

    /** A late-synced session older than the patient's latest ({@code latestDay}). */
    static SessionStep older(SessionFacts session, Integer previous, int latestDay, ProgressStatus status) {
        return new SessionStep(CLINIC, PATIENT, session, previous, false, "s-" + latestDay, day(latestDay), status);
    }
}
