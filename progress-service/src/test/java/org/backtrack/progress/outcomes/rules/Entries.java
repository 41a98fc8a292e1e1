package org.backtrack.progress.outcomes.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Sessions for the outcome rules' tests: day offsets from a fixed first day, noon UTC. */
final class Entries {

    static final LocalDate DAY0 = LocalDate.of(2026, 3, 2);

    private Entries() {
    }

    static Instant at(int day) {
        return DAY0.plusDays(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    static PainEntry entry(String patient, int day, int pain) {
        return new PainEntry(patient, at(day), pain);
    }

    /** One session a day on days {@code 0..lastDay}, pain falling linearly from {@code startPain} to {@code endPain}. */
    static List<PainEntry> daily(String patient, int lastDay, int startPain, int endPain) {
        List<PainEntry> entries = new ArrayList<>();
        for (int day = 0; day <= lastDay; day++) {
            int pain = (int) Math.round(startPain + (endPain - startPain) * (double) day / Math.max(1, lastDay));
            entries.add(entry(patient, day, pain));
        }
        return entries;
    }

    /** One session a day on days {@code 0..lastDay}, always the same pain. */
    static List<PainEntry> flat(String patient, int lastDay, int pain) {
        return daily(patient, lastDay, pain, pain);
    }
}
