package org.backtrack.routine.composition;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a routine request leaves out is filled in here: any time of day, the stage and focus of the patient's program
 * (a clinician's prescription stands unless the request names its own), and today as the day the routine is for.
 * An empty focus counts as none given: a routine always has the program's focus to rank exercises by.
 */
public final class RequestDefaults {

    /** The time of day that suits any exercise. */
    public static final String ANY_TIME = "ANY";

    private RequestDefaults() {
    }

    public static String timeOfDay(String asked) {
        return asked == null ? ANY_TIME : asked;
    }

    public static String stage(String asked, String programStage) {
        return asked == null ? programStage : asked;
    }

    public static Set<String> focus(Set<String> asked, Set<String> programFocus) {
        return asked == null || asked.isEmpty() ? programFocus : asked;
    }

    /** @param today the current day in UTC */
    public static LocalDate date(LocalDate asked, LocalDate today) {
        return asked != null ? asked : today;
    }
}
