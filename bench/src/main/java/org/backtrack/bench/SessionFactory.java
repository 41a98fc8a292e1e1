package org.backtrack.bench;

import org.backtrack.events.CloudEvent;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Sessions of simulated patients: deterministic per patient and index, one a day, ending before now, with pain that eases slowly and wobbles like real diaries. Patient ids carry a run prefix, so one
 * run's patients can be told from another's.
 */
public final class SessionFactory {

    /** The clinic the simulated patients belong to, and a clinician of it among the demo users. */
    public static final String CLINIC = "clinic-riverside";
    public static final String CLINICIAN = "dr.rivers";
    /** The clinic's machine client at the local issuer (client credentials), for sessions through the gateway. */
    public static final String INTEGRATION_CLIENT = "riverside-integration";
    public static final String INTEGRATION_SECRET = "dev-riverside-integration-secret";

    /** One session a day, as prescribed: 2,400 sessions reach back six and a half years (the contract accepts from 2000). */
    static final Duration SPACING = Duration.ofDays(1);
    static final int MAX_SESSIONS_PER_PATIENT = 2400;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SessionEventCodec CODEC = new SessionEventCodec();
    private static final List<SessionCompleted.ExercisePerformed> EXERCISES = List.of(
            new SessionCompleted.ExercisePerformed("cat-cow", true, 60, null),
            new SessionCompleted.ExercisePerformed("knee-to-chest", true, 30, null),
            new SessionCompleted.ExercisePerformed("childs-pose", true, 45, null));

    private final String prefix;
    private final Instant start;

    /** @param prefix start of every patient id, e.g. {@code bench-} */
    public SessionFactory(String prefix) {
        this.prefix = prefix;
        this.start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(SPACING.multipliedBy(MAX_SESSIONS_PER_PATIENT + 8));
    }

    public String patientId(int patient) {
        return prefix + patient;
    }

    public String prefix() {
        return prefix;
    }

    /** The {@code index}-th session of a patient (0-based). */
    public SessionCompleted session(int patient, int index) {
        if (index >= MAX_SESSIONS_PER_PATIENT) {
            throw new IllegalArgumentException("at most " + MAX_SESSIONS_PER_PATIENT + " sessions per patient");
        }
        String patientId = patientId(patient);
        int wobble = Math.floorMod((patient * 31 + index * 17), 3) - 1;
        int before = clamp(7 - index / 40 + wobble);
        int after = clamp(before - 1 - Math.floorMod(index + patient, 2));
        return new SessionCompleted(patientId + "-s" + index, CLINIC, patientId, null,
                start.plus(SPACING.multipliedBy(index)), 600, before, after, EXERCISES, SessionCompleted.SymptomFlags.NONE, null);
    }

    /** The same session with other pain figures: what a patient's correction in the app produces. */
    public static SessionCompleted corrected(SessionCompleted session, int painAfter) {
        return new SessionCompleted(session.sessionId(), session.clinicId(), session.patientId(), session.routineId(),
                session.completedAt(), session.durationSeconds(), session.painBefore(), painAfter, session.exercises(),
                session.flags(), "corrected");
    }

    /** The body of {@code POST /api/v1/sessions}. */
    public static String httpBody(SessionCompleted session) {
        return JSON.writeValueAsString(session);
    }

    /** A complete, valid event as routine-service would publish it. */
    public static CloudEvent<SessionCompleted> event(SessionCompleted session, Instant time) {
        return SessionEventCodec.newEvent(session, "/bench", time);
    }

    public static byte[] encode(CloudEvent<SessionCompleted> event) {
        return CODEC.encode(event);
    }

    private static int clamp(int pain) {
        return Math.max(0, Math.min(10, pain));
    }
}
