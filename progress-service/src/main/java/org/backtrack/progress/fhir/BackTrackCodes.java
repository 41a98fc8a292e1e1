package org.backtrack.progress.fhir;

import org.backtrack.events.Region;
import org.backtrack.events.Stage;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * BackTrack's own FHIR code systems and identifier systems: stable canonical URLs under {@value #BASE}, published as
 * CodeSystem resources ({@link #codeSystems()}) so a validator, HAPI's among them, can check every code BackTrack
 * sends. Codes are only ever added.
 */
public final class BackTrackCodes {

    public static final String BASE = "https://backtrack.example/fhir";
    /** What a BackTrack Observation measures, beside its LOINC code. */
    public static final String OBSERVATION = BASE + "/CodeSystem/observation";
    /** The stage of a patient's program ({@link Stage}). */
    public static final String STAGE = BASE + "/CodeSystem/stage";
    /** The body regions a program focuses on ({@link Region}). */
    public static final String REGION = BASE + "/CodeSystem/region";
    /** The catalog's exercise ids (built-in and each clinic's own): not enumerated here. */
    public static final String EXERCISE = BASE + "/CodeSystem/exercise";
    /** Identifier system of a session: the value is {@code clinicId/sessionId}, unique across clinics. */
    public static final String SESSION_IDENTIFIER = BASE + "/sid/session";
    /** Identifier system of a routine: the value is {@code clinicId/routineId}. */
    public static final String ROUTINE_IDENTIFIER = BASE + "/sid/routine";

    public static final String LOINC = "http://loinc.org";
    public static final String PAIN_SEVERITY = "72514-3";
    public static final String PAIN_SEVERITY_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    /** A code of {@link #OBSERVATION}. */
    public enum ObservationCode {
        PAIN_BEFORE_SESSION("pain-before-session", "Pain before the session",
                "Pain (0-10) the patient reported just before doing the session's exercises"),
        PAIN_AFTER_SESSION("pain-after-session", "Pain after the session",
                "Pain (0-10) the patient reported just after the session's exercises"),
        RED_FLAG_SYMPTOMS("red-flag-symptoms", "Red-flag symptoms",
                "The red-flag symptoms asked about with the session; one component per symptom"),
        SHARP_PAIN("sharp-pain", "Sharp or stabbing pain", "Sharp or stabbing pain during the session"),
        RADIATING_PAIN("radiating-pain", "Radiating pain", "Pain that travels down a leg or an arm"),
        NUMBNESS("numbness", "Numbness or tingling", "Numbness or tingling"),
        NIGHT_PAIN("night-pain", "Night pain", "Pain that wakes the patient at night");

        private final String code;
        private final String display;
        private final String definition;

        ObservationCode(String code, String display, String definition) {
            this.code = code;
            this.display = display;
            this.definition = definition;
        }

        public String code() {
            return code;
        }

        public String display() {
            return display;
        }
    }

    private BackTrackCodes() {
    }

    /** The code systems whose codes BackTrack enumerates, as FHIR resources (for validators and for the documentation). */
    public static List<CodeSystem> codeSystems() {
        CodeSystem observation = codeSystem(OBSERVATION, "BackTrackObservation", "What a BackTrack Observation reports");
        for (ObservationCode code : ObservationCode.values()) {
            observation.addConcept().setCode(code.code).setDisplay(code.display).setDefinition(code.definition);
        }
        CodeSystem stage = codeSystem(STAGE, "BackTrackStage", "The stage of a patient's stretching program");
        Arrays.stream(Stage.values()).forEach(s -> stage.addConcept().setCode(s.name()).setDisplay(s.label()));
        CodeSystem region = codeSystem(REGION, "BackTrackRegion", "The body regions a program focuses on");
        Arrays.stream(Region.values()).forEach(r -> region.addConcept().setCode(r.name())
                .setDisplay(r.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        CodeSystem exercise = codeSystem(EXERCISE, "BackTrackExercise", "The exercise ids of BackTrack's catalog");
        exercise.setContent(CodeSystem.CodeSystemContentMode.NOTPRESENT);
        return List.of(observation, stage, region, exercise);
    }

    private static CodeSystem codeSystem(String url, String name, String title) {
        CodeSystem system = new CodeSystem();
        system.setUrl(url);
        system.setName(name);
        system.setTitle(title);
        system.setStatus(Enumerations.PublicationStatus.ACTIVE);
        system.setCaseSensitive(true);
        system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        return system;
    }
}
