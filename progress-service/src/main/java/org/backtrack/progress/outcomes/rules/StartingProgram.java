package org.backtrack.progress.outcomes.rules;

import org.backtrack.events.Stage;
import org.backtrack.progress.programs.rules.ProgramTimeline;

import java.time.Instant;

/**
 * The program a patient started the outcome window on, for the breakdowns: the stage in effect at the patient's first
 * session in the window, and the program, named by its focus regions (routine-service's programs are one per patient
 * and carry no name of their own, so patients on the same focus share a program).
 * <ul>
 *   <li>Without a program history (the program was never changed): routine-service's initial program, stage
 *       {@link Stage#first()}, program {@value #NO_PROGRAM}.</li>
 *   <li>Before the first change seen: the initial stage when that change was version 1 (the history is complete),
 *       else the stage of the first version seen (the best known).</li>
 *   <li>Otherwise the stage of the last change at or before the first session ({@link ProgramTimeline.History#stageAt}).</li>
 *   <li>Program: the starting focus regions joined with {@code +} in name order, {@value #NO_FOCUS} when empty.</li>
 * </ul>
 */
public record StartingProgram(String stage, String program) {

    public static final String NO_PROGRAM = "NO_PROGRAM";
    public static final String NO_FOCUS = "NO_FOCUS";

    /** @param history the patient's program history, or null when there is none */
    public static StartingProgram of(ProgramTimeline.History history, Instant firstSession) {
        if (history == null) {
            return new StartingProgram(Stage.first().name(), NO_PROGRAM);
        }
        String stage;
        if (history.firstChangedAt() != null && firstSession.isBefore(history.firstChangedAt())) {
            stage = history.firstVersion() == 1 ? Stage.first().name() : history.startingStage();
        } else {
            stage = history.stageAt(firstSession);
        }
        String program = history.startingFocus().isEmpty() ? NO_FOCUS
                : String.join("+", history.startingFocus().stream().sorted().toList());
        return new StartingProgram(stage, program);
    }
}
