package org.backtrack.events;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where an exercise sits, and where a patient's program stands: the one definition of the stage ladder for the
 * catalog, routine-service, progress-service and the dashboard. The ladder a patient climbs is the stages
 * {@linkplain #onLadder() on it}, in declaration order (BASIC, then DEEPER, then STRENGTHENING); RECOVERY_TOOL
 * sits beside it (ice, heat, a foam roller: offered when backing off, never a stage of a program). Adding a stage
 * is adding a constant here in its place; which suggestion moves a patient to it is {@link SuggestedAction}.
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum Stage {

    BASIC("basic stretches", true),
    DEEPER("deeper stretches", true),
    STRENGTHENING("strengthening", true),
    RECOVERY_TOOL("recovery tools", false);

    private static final List<Stage> LADDER = Arrays.stream(values()).filter(Stage::onLadder).toList();

    /** The words a clinician reads ("deeper stretches"), in lower case to sit inside a sentence. */
    private final String label;
    /** Whether a program can stand at this stage (recovery tools sit beside the ladder). */
    private final boolean onLadder;

    /** The stages a program can stand at, from the first to the most advanced. */
    public static List<Stage> ladder() {
        return LADDER;
    }

    /** Where every program starts. */
    public static Stage first() {
        return LADDER.get(0);
    }

    /** Position on the ladder from 0 (the first stage); -1 for a stage beside it. */
    public int rung() {
        return LADDER.indexOf(this);
    }

    /** Whether this stage is further up the ladder than {@code other} (false for anything beside the ladder). */
    public boolean isAbove(Stage other) {
        return onLadder && other.onLadder && rung() > other.rung();
    }

    /** The stage of exactly this name (the contract's spelling, upper case); empty for anything else, null included. */
    public static Optional<Stage> named(String name) {
        return EnumNames.exactly(Stage.class, name);
    }

    /** The stage of the ladder of exactly this name; empty for anything else, a stage beside the ladder included. */
    public static Optional<Stage> onLadderNamed(String name) {
        return named(name).filter(Stage::onLadder);
    }

    /** The names of the ladder in order, for messages that say what a field may hold. */
    public static List<String> ladderNames() {
        return LADDER.stream().map(Stage::name).toList();
    }
}
