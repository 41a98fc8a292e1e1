package org.backtrack.routine.composition;

import java.util.Set;

/** What composition needs to know of a catalog exercise. Stage, kind and the rest are the catalog's enum names. */
public record CatalogEntry(String id, String name, String stage, String kind, Set<String> regions, Set<String> equipment,
                           Set<String> timeOfDay, Integer holdSeconds, int reps, int sets, boolean perSide,
                           Integer secondsPerRep, int restSeconds, Set<String> contraindications) {

    public static final String BASIC = "BASIC";
    public static final String DEEPER = "DEEPER";
    public static final String STRENGTHENING = "STRENGTHENING";
    public static final String RECOVERY_TOOL = "RECOVERY_TOOL";

    /** Seconds of one set: every rep on every side, with the rests between them (per-side work counts twice). */
    public int setSeconds() {
        int perRep = holdSeconds != null ? holdSeconds : secondsPerRep != null ? secondsPerRep : 0;
        int repetitions = reps * (perSide ? 2 : 1);
        return repetitions * perRep + Math.max(0, repetitions - 1) * restSeconds;
    }

    /** Seconds for a number of sets, with a rest between sets. */
    public int seconds(int setCount) {
        return setCount * setSeconds() + Math.max(0, setCount - 1) * restSeconds;
    }
}
