package org.backtrack.progress.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.backtrack.events.SessionCompleted;
import org.backtrack.progress.fhir.BackTrackCodes.ObservationCode;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.security.ClinicKeys;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * One recorded session (the version that stands after corrections) as FHIR R4 Observations, always in this order:
 * <ol>
 *     <li>{@code <session>-pain-before}: LOINC 72514-3 (pain severity 0-10) with the BackTrack coding
 *     {@code pain-before-session}, {@code valueInteger} the pain before;</li>
 *     <li>{@code <session>-pain-after}: the same LOINC code with {@code pain-after-session}, the pain after;</li>
 *     <li>{@code <session>-red-flags}, when the session reported its red-flag symptoms: code {@code red-flag-symptoms},
 *     no value, one component per symptom ({@code sharp-pain}, {@code radiating-pain}, {@code numbness},
 *     {@code night-pain}) with {@code valueBoolean}.</li>
 * </ol>
 * Each is {@code final}, category {@code survey}, subject {@code Patient/<patientId>}, {@code effectiveDateTime} the
 * session's {@code completedAt}, {@code issued} when progress-service recorded that version, and identified by the
 * clinic-scoped session id ({@link BackTrackCodes#SESSION_IDENTIFIER}, {@code clinicId/sessionId}).
 */
public final class ObservationMapping {

    /** Where each Observation of a session sits in its order (the paging cursor counts on it). */
    public static final int PAIN_BEFORE = 0;
    public static final int PAIN_AFTER = 1;
    public static final int RED_FLAGS = 2;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private ObservationMapping() {
    }

    /** The session's Observations in the order above. */
    public static List<Observation> of(RecordedSession recorded) {
        SessionCompleted session = recorded.session();
        List<Observation> observations = new ArrayList<>(3);
        observations.add(pain(recorded, ObservationCode.PAIN_BEFORE_SESSION, "pain-before", session.painBefore()));
        observations.add(pain(recorded, ObservationCode.PAIN_AFTER_SESSION, "pain-after", session.painAfter()));
        if (session.flags() != null) {
            observations.add(redFlags(recorded, session.flags()));
        }
        return observations;
    }

    /** The id of a session's Observation: the session id when it fits FHIR's id rule, else a hash of it. */
    public static String idOf(String sessionId, String suffix) {
        return ResourceIds.of(sessionId) + "-" + suffix;
    }

    private static Observation pain(RecordedSession recorded, ObservationCode timing, String suffix, int pain) {
        Observation observation = common(recorded, suffix);
        observation.setCode(new CodeableConcept()
                .addCoding(new Coding(BackTrackCodes.LOINC, BackTrackCodes.PAIN_SEVERITY, BackTrackCodes.PAIN_SEVERITY_DISPLAY))
                .addCoding(new Coding(BackTrackCodes.OBSERVATION, timing.code(), timing.display()))
                .setText(timing.display() + " (0-10)"));
        observation.setValue(new IntegerType(pain));
        return observation;
    }

    private static Observation redFlags(RecordedSession recorded, SessionCompleted.SymptomFlags flags) {
        Observation observation = common(recorded, "red-flags");
        observation.setCode(concept(ObservationCode.RED_FLAG_SYMPTOMS));
        component(observation, ObservationCode.SHARP_PAIN, flags.sharpPain());
        component(observation, ObservationCode.RADIATING_PAIN, flags.radiatingPain());
        component(observation, ObservationCode.NUMBNESS, flags.numbness());
        component(observation, ObservationCode.NIGHT_PAIN, flags.nightPain());
        return observation;
    }

    private static void component(Observation observation, ObservationCode code, boolean present) {
        observation.addComponent().setCode(concept(code)).setValue(new BooleanType(present));
    }

    private static CodeableConcept concept(ObservationCode code) {
        return new CodeableConcept().addCoding(new Coding(BackTrackCodes.OBSERVATION, code.code(), code.display()))
                .setText(code.display());
    }

    private static Observation common(RecordedSession recorded, String suffix) {
        Observation observation = new Observation();
        observation.setId(idOf(recorded.sessionId(), suffix));
        observation.addIdentifier(new Identifier().setSystem(BackTrackCodes.SESSION_IDENTIFIER)
                .setValue(ClinicKeys.of(recorded.clinicId(), recorded.sessionId())));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept().addCoding(
                new Coding(BackTrackCodes.OBSERVATION_CATEGORY, "survey", "Survey")));
        observation.setSubject(new Reference("Patient/" + recorded.patientId()));
        observation.setEffective(dateTime(recorded.completedAt()));
        if (recorded.recordedAt() != null) {
            InstantType issued = new InstantType(Date.from(recorded.recordedAt()), TemporalPrecisionEnum.MILLI, UTC);
            issued.setTimeZoneZulu(true);
            observation.setIssuedElement(issued);
        }
        return observation;
    }

    static DateTimeType dateTime(java.time.Instant instant) {
        TemporalPrecisionEnum precision = instant.getNano() == 0 ? TemporalPrecisionEnum.SECOND : TemporalPrecisionEnum.MILLI;
        DateTimeType dateTime = new DateTimeType(Date.from(instant), precision, UTC);
        dateTime.setTimeZoneZulu(true); // 2026-11-20T07:31:00Z, as BackTrack writes instants everywhere
        return dateTime;
    }
}
