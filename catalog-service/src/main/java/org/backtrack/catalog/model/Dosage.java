package org.backtrack.catalog.model;

/**
 * How much of an exercise: {@code reps} x {@code sets}, each rep a hold of {@code holdSeconds} or a movement
 * of {@code secondsPerRep}, on each side when {@code perSide}, with {@code restSeconds} between reps.
 */
public record Dosage(Integer holdSeconds, int reps, int sets, boolean perSide, Integer secondsPerRep, int restSeconds) {

    /** Estimated time in seconds: every rep on every side, with a rest between consecutive ones. */
    public int estimatedSeconds() {
        int perRep = holdSeconds != null ? holdSeconds : secondsPerRep != null ? secondsPerRep : 0;
        int repetitions = reps * sets * (perSide ? 2 : 1);
        return repetitions * perRep + Math.max(0, repetitions - 1) * restSeconds;
    }
}
